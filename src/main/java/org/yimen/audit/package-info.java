/**
 * Audit trail (审计日志, 倒查): one append-only, hash-chained record of who did what to which target, written inside the
 * transaction of the change it records, refused change or deletion by the database, anchored in signed checkpoint
 * files outside it, and verifiable link by link.
 *
 * <p>{@link org.yimen.audit.AuditTrail#record} notes a record when it is called (time, actor, client address,
 * detail) and the transaction's records are inserted together just before it commits, numbered from a sequence and
 * without any lock, so audited transactions of every node run side by side. The sealer (封存, one at a time across
 * nodes under an advisory lock, every second) then gives each committed record its place in the chain and its hashes;
 * the chain's order is the order of sealing. Until it is sealed a record is protected by the database's refusal to
 * change it; verification reports how many are waiting. The retention purge removes only a sealed prefix of the chain,
 * so it never leaves an empty place that would look like tampering.
 */
@NullMarked
package org.yimen.audit;

import org.jspecify.annotations.NullMarked;
