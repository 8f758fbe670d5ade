/**
 * Shared kernel: the few value types and rules every module needs (masking of personal data, domain rejections).
 */
@NullMarked
package org.yimen.shared;

import org.jspecify.annotations.NullMarked;
