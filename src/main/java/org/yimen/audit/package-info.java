/**
 * Audit trail (审计日志, 倒查): one append-only, hash-chained record of who did what to which target, written inside the
 * transaction of the change it records, refused change or deletion by the database, anchored in signed checkpoint
 * files outside it, and verifiable link by link.
 */
@NullMarked
package org.yimen.audit;

import org.jspecify.annotations.NullMarked;
