/**
 * Audit trail (审计日志, 倒查): one append-only, hash-chained record of who did what to which target, written inside the
 * transaction of the change it records, refused change or deletion by the database, anchored in signed checkpoint
 * files outside it, and verifiable link by link.
 *
 * <p>{@link org.yimen.audit.AuditTrail#record} notes a record when it is called (time, actor, client address,
 * detail) and the transaction's records are appended together just before it commits: one advisory lock keeps the
 * chain unforked across nodes, and it is held only from that append to the commit, so audited transactions run side
 * by side and queue only for their last few milliseconds. As a record's time is when it was made, an older record can
 * follow a younger one by the length of a transaction; the retention purge leaves such a record in place rather than
 * open a gap in the chain.
 */
@NullMarked
package org.yimen.audit;

import org.jspecify.annotations.NullMarked;
