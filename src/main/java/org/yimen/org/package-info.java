/**
 * Organisation (组织机构): departments, halls, windows, staff and their roles, and A/B posts (AB岗) with absences,
 * answering "who acts for this post now".
 */
@NullMarked
package org.yimen.org;

import org.jspecify.annotations.NullMarked;
