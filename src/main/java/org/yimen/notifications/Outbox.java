package org.yimen.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table ({@code ntf_outbox}). Rows are written in the transaction that caused them; dispatchers claim due
 * rows with {@code FOR UPDATE SKIP LOCKED} and keep the row lock until they have recorded the outcome, so a row one
 * node is sending is invisible to every other node.
 */
@Repository
class Outbox {

    /** A row to write. Recipient, subject and text are already sealed. */
    record NewMessage(Channel channel, String category, DeliveryStatus status, byte[] recipientSealed,
            String recipientIndex, String recipientMasked, String messageKey, byte @Nullable [] subjectSealed,
            byte @Nullable [] bodySealed, boolean secret, @Nullable Instant expiresAt, @Nullable String lastError) {
    }

    /** A row a dispatcher has claimed: what it needs to send it. */
    record Claimed(long id, Channel channel, String category, byte[] recipientSealed, String recipientMasked,
            byte @Nullable [] subjectSealed, byte @Nullable [] bodySealed, boolean secret, @Nullable Instant expiresAt,
            int attempts) {
    }

    /**
     * A row as administrators see it: never the recipient in clear, never the text. A short message the SMSC sent a
     * receipt for has its {@code delivery}, the SMSC's final state ({@code DELIVRD}, {@code EXPIRED}…) and when the
     * receipt came. A message sent again names the one it repeats ({@code resentFrom}), and that one names it
     * ({@code resentAs}); {@code retryable} says whether {@link SendAgainPolicy} lets an administrator send it again.
     */
    record Entry(long id, Channel channel, String category, DeliveryStatus status, String recipient,
            String messageKey, int attempts, @Nullable String lastError, Instant createdAt,
            @Nullable Instant nextAttemptAt, @Nullable Instant sentAt, @Nullable String providerId,
            @Nullable Integer parts, boolean retryable, @Nullable Delivery delivery, @Nullable String deliveryState,
            @Nullable Instant deliveryReportedAt, boolean secret, boolean textKept, @Nullable Long resentFrom,
            @Nullable Long resentAs) {
    }

    /** How many messages of a channel and category are in a status (statistics). */
    record Count(Channel channel, String category, DeliveryStatus status, long count) {
    }

    /** Rows with the id of the message that repeats each, if any (at most one: {@code ntf_outbox_resent_from}). */
    private static final String SELECT_ENTRIES = """
            select o.*, (select r.id from ntf_outbox r where r.resent_from = o.id) as resent_as
            from ntf_outbox o""";

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    long add(NewMessage m, Instant now) {
        return jdbc.sql("""
                insert into ntf_outbox (channel, category, status, recipient_sealed, recipient_index,
                    recipient_masked, message_key, subject_sealed, body_sealed, secret, created_at, expires_at,
                    next_attempt_at, last_error)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(m.channel().name(), m.category(), m.status().name(), m.recipientSealed(),
                        m.recipientIndex(), m.recipientMasked(), m.messageKey(), m.subjectSealed(), m.bodySealed(),
                        m.secret(), utc(now), m.expiresAt() == null ? null : utc(m.expiresAt()), utc(now),
                        m.lastError())
                .query(Long.class).single();
    }

    /**
     * Locks up to {@code limit} due rows of the channels that can send, skipping rows another node holds. Call inside
     * the transaction that records the outcome.
     */
    List<Claimed> claimDue(Instant now, int limit, boolean sms, boolean email) {
        return jdbc.sql("""
                select id, channel, category, recipient_sealed, recipient_masked, subject_sealed, body_sealed, secret,
                    expires_at, attempts
                from ntf_outbox
                where status = 'PENDING' and next_attempt_at <= ?
                  and ((channel = 'SMS' and ?) or (channel = 'EMAIL' and ?))
                order by next_attempt_at, id
                limit ?
                for update skip locked""")
                .params(utc(now), sms, email, limit)
                .query((rs, row) -> new Claimed(rs.getLong("id"), Channel.valueOf(rs.getString("channel")),
                        rs.getString("category"), rs.getBytes("recipient_sealed"), rs.getString("recipient_masked"),
                        rs.getBytes("subject_sealed"), rs.getBytes("body_sealed"), rs.getBoolean("secret"),
                        instant(rs, "expires_at"), rs.getInt("attempts")))
                .list();
    }

    void markSent(long id, Instant now, String providerId, int parts) {
        jdbc.sql("""
                update ntf_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, provider_id = ?,
                    parts = ?, last_error = null, body_sealed = case when secret then null else body_sealed end
                where id = ?""")
                .params(utc(now), cut(providerId, 300), parts, id).update();
    }

    /** Remembers the SMSC's id of each part of a sent short message, so its delivery receipts find the row. */
    void expectReceipts(long id, List<String> messageIds) {
        jdbc.sql("""
                insert into ntf_sms_part (outbox_id, seq, message_id)
                select ?, p.seq, p.message_id
                from unnest(cast(? as varchar[])) with ordinality as p(message_id, seq)""")
                .params(id, messageIds.stream().map(m -> cut(m, Receipt.MAX_ID_LENGTH)).toArray(String[]::new))
                .update();
    }

    void retryLater(long id, int attempts, Instant next, String error) {
        jdbc.sql("update ntf_outbox set attempts = ?, next_attempt_at = ?, last_error = ? where id = ?")
                .params(attempts, utc(next), cut(error, 500), id).update();
    }

    void markFailed(long id, int attempts, String error) {
        jdbc.sql("""
                update ntf_outbox set status = 'FAILED', attempts = ?, last_error = ?,
                    body_sealed = case when secret then null else body_sealed end
                where id = ?""")
                .params(attempts, cut(error, 500), id).update();
    }

    /**
     * Puts the due rows of a channel that cannot send (nothing configured) aside as {@code HELD}. Rows another node
     * is sending are skipped, not waited for.
     */
    int hold(Channel channel) {
        return jdbc.sql("""
                update ntf_outbox set status = 'HELD'
                where id in (select id from ntf_outbox where status = 'PENDING' and channel = ?
                             for update skip locked)""")
                .param(channel.name()).update();
    }

    /**
     * Gives up rows whose time passed before they could be sent (a verification code nobody can use any more) and
     * forgets the text of every secret row past its time, whatever its status. Idempotent, any node may run it; rows
     * another node is sending are skipped, not waited for. Returns the channel of each message given up.
     */
    List<Channel> expire(Instant now) {
        List<Channel> expired = jdbc.sql("""
                update ntf_outbox set status = 'FAILED', last_error = 'notifications.error.expired',
                    body_sealed = null
                where id in (select id from ntf_outbox where status = 'PENDING' and expires_at <= ?
                             for update skip locked)
                returning channel""")
                .param(utc(now)).query((rs, row) -> Channel.valueOf(rs.getString(1))).list();
        jdbc.sql("""
                update ntf_outbox set body_sealed = null
                where id in (select id from ntf_outbox where secret and expires_at <= ? and body_sealed is not null
                             for update skip locked)""")
                .param(utc(now)).update();
        return expired;
    }

    /**
     * Queues a held row (never tried) where it is. False when there is no such row, or it is not held, or its text
     * is gone (an expired code).
     */
    boolean release(long id, Instant now) {
        return jdbc.sql("""
                update ntf_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = null
                where id = ? and status = 'HELD' and body_sealed is not null
                  and (expires_at is null or expires_at > ?)""")
                .params(utc(now), id, utc(now)).update() == 1;
    }

    /**
     * Queues a message again as a new row with the same channel, category, recipient and text, naming the row it
     * repeats. Empty when that row is secret, has no text or was sent again already (also by someone else at the
     * same moment: the unique index on {@code resent_from} lets one of them win).
     */
    Optional<Long> resend(long id, Instant now) {
        return jdbc.sql("""
                insert into ntf_outbox (channel, category, status, recipient_sealed, recipient_index,
                    recipient_masked, message_key, subject_sealed, body_sealed, secret, created_at, next_attempt_at,
                    resent_from)
                select channel, category, 'PENDING', recipient_sealed, recipient_index, recipient_masked, message_key,
                    subject_sealed, body_sealed, false, ?, ?, id
                from ntf_outbox where id = ? and not secret and body_sealed is not null
                on conflict (resent_from) where resent_from is not null do nothing
                returning id""")
                .params(utc(now), utc(now), id)
                .query(Long.class).optional();
    }

    Optional<Entry> entry(long id) {
        return jdbc.sql(SELECT_ENTRIES + " where o.id = ?").param(id).query(Outbox::entry).optional();
    }

    /** The newest rows first, optionally of one status and channel. */
    List<Entry> list(@Nullable DeliveryStatus status, @Nullable Channel channel, int offset, int limit) {
        return jdbc.sql(SELECT_ENTRIES + """
                 where (cast(? as varchar) is null or o.status = ?) and (cast(? as varchar) is null or o.channel = ?)
                order by o.id desc offset ? limit ?""")
                .params(name(status), name(status), name(channel), name(channel), offset, limit)
                .query(Outbox::entry).list();
    }

    List<Count> counts(Instant since) {
        return jdbc.sql("""
                select channel, category, status, count(*) as n from ntf_outbox where created_at >= ?
                group by channel, category, status order by channel, category, status""")
                .param(utc(since))
                .query((rs, row) -> new Count(Channel.valueOf(rs.getString("channel")), rs.getString("category"),
                        DeliveryStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        var status = DeliveryStatus.valueOf(rs.getString("status"));
        // A secret row's text is erased once its time is up (expire), so "text still there" covers expiry too.
        boolean textKept = rs.getBytes("body_sealed") != null;
        boolean secret = rs.getBoolean("secret");
        Integer parts = rs.getObject("parts", Integer.class);
        String stored = rs.getString("delivery");
        Delivery delivery = stored == null ? null : Delivery.valueOf(stored);
        Long resentAs = rs.getObject("resent_as", Long.class);
        boolean retryable = !(SendAgainPolicy.decide(status, delivery, secret, textKept, resentAs)
                instanceof SendAgainPolicy.Refused);
        return new Entry(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("category"), status,
                rs.getString("recipient_masked"), rs.getString("message_key"), rs.getInt("attempts"),
                rs.getString("last_error"), instant(rs, "created_at"),
                status == DeliveryStatus.PENDING ? instant(rs, "next_attempt_at") : null, instant(rs, "sent_at"),
                rs.getString("provider_id"), parts, retryable, delivery, rs.getString("delivery_state"),
                instant(rs, "delivery_reported_at"), secret, textKept, rs.getObject("resent_from", Long.class),
                resentAs);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
