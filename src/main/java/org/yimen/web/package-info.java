/**
 * Web shell (门户外壳): the one page layout, navigation by role, home pages, language and large-text switches, error
 * pages and problem details, and the API description.
 */
@NullMarked
package org.yimen.web;

import org.jspecify.annotations.NullMarked;
