/**
 * Shared kernel: the few value types and rules every module needs (masking of personal data, mobile numbers and
 * identity documents, domain rejections and how a page form shows them).
 */
@NullMarked
package org.yimen.shared;

import org.jspecify.annotations.NullMarked;
