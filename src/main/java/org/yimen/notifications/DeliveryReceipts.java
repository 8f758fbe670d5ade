package org.yimen.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Delivery receipts from the SMSC, recorded on the outbox row: delivered or not, with the SMSC's state and when the
 * receipt came. A receipt may arrive on any node's session, and before the dispatcher that sent the message has
 * committed (a batch is one transaction), so it is not applied where it arrives: {@link #accept} only files it in
 * {@code ntf_sms_receipt}, and the dispatchers of every node {@link #apply} what is filed, claiming receipts with
 * {@code FOR UPDATE SKIP LOCKED} like the outbox itself. A receipt whose message id no sent part carries after
 * {@link #UNMATCHED_KEPT} (another system's message, or one already removed) is dropped with a log line. An id is
 * matched as it was given, and failing that in its other representation, for SMSCs that give it in hexadecimal in
 * one place and in decimal in the other.
 *
 * <p>A long message has a receipt per part: it is delivered when every part is, not delivered as soon as one part is
 * not.
 */
@Component
class DeliveryReceipts {

    /** How long a receipt waits for the send it belongs to to commit before it counts as unknown. */
    static final Duration UNMATCHED_KEPT = Duration.ofMinutes(10);
    static final int BATCH = 200;

    private static final Logger log = LoggerFactory.getLogger(DeliveryReceipts.class);

    private record Filed(long id, String messageId, String state, Instant receivedAt) {
    }

    private record Part(long outboxId, int seq) {
    }

    private record Message(@Nullable String delivery) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveryReceipts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Files a receipt that says whether the handset got the part; runs on the SMPP session's thread. */
    void accept(Receipt receipt) {
        jdbc.sql("insert into ntf_sms_receipt (message_id, state, received_at) values (?, ?, ?)")
                .params(receipt.messageId(), receipt.state(), Outbox.utc(clock.instant())).update();
    }

    /**
     * Applies filed receipts to their messages, in the caller's transaction, and returns the deliveries of the messages
     * it decided. A receipt whose message another node is sending right now stays filed for the next run.
     */
    List<Delivery> apply(Instant now) {
        var filed = jdbc.sql("""
                select id, message_id, state, received_at from ntf_sms_receipt
                order by id limit ? for update skip locked""")
                .param(BATCH)
                .query((rs, row) -> new Filed(rs.getLong("id"), rs.getString("message_id"), rs.getString("state"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant()))
                .list();
        List<Delivery> decided = new ArrayList<>();
        for (Filed receipt : filed) {
            // Message ids are unique per SMSC, not for ever: the newest part with the id is the one meant.
            var part = jdbc.sql("""
                    select outbox_id, seq from ntf_sms_part where message_id = ?
                    order by outbox_id desc limit 1""")
                    .param(receipt.messageId())
                    .query((rs, row) -> new Part(rs.getLong("outbox_id"), rs.getInt("seq"))).optional();
            if (part.isEmpty()) {
                part = inOtherForm(receipt.messageId());
            }
            if (part.isEmpty()) {
                if (receipt.receivedAt().isBefore(now.minus(UNMATCHED_KEPT))) {
                    drop(receipt);
                    log.info("Delivery receipt for unknown message id {} ({}) ignored", receipt.messageId(),
                            receipt.state());
                }
                continue;
            }
            var message = jdbc.sql("select delivery from ntf_outbox where id = ? for update skip locked")
                    .param(part.get().outboxId())
                    .query((rs, row) -> new Message(rs.getString("delivery"))).optional();
            if (message.isEmpty()) {
                continue;
            }
            jdbc.sql("update ntf_sms_part set state = ?, reported_at = ? where outbox_id = ? and seq = ?")
                    .params(receipt.state(), Outbox.utc(receipt.receivedAt()), part.get().outboxId(),
                            part.get().seq())
                    .update();
            drop(receipt);
            if (message.get().delivery() != null) {
                continue; // decided by an earlier part
            }
            Delivery delivery = outcome(part.get().outboxId(), receipt);
            if (delivery != null) {
                jdbc.sql("""
                        update ntf_outbox set delivery = ?, delivery_state = ?, delivery_reported_at = ?
                        where id = ?""")
                        .params(delivery.name(), receipt.state(), Outbox.utc(receipt.receivedAt()),
                                part.get().outboxId())
                        .update();
                decided.add(delivery);
            }
        }
        return decided;
    }

    /**
     * The part whose id is the other representation of the receipt's (hexadecimal for decimal or the reverse, see
     * {@link MessageIdForms}), among parts with no final state yet: a guess never overwrites what an SMSC already
     * said. When an id of decimal digits finds parts under both its other forms, which one the SMSC meant cannot be
     * told, and the receipt finds none.
     */
    private Optional<Part> inOtherForm(String messageId) {
        var forms = MessageIdForms.otherForms(messageId);
        if (forms.isEmpty()) {
            return Optional.empty();
        }
        record Candidate(Part part, String folded) {
        }
        var candidates = jdbc.sql("""
                select p.outbox_id, p.seq, lower(ltrim(p.message_id, '0')) as folded
                from ntf_sms_part p
                where lower(ltrim(p.message_id, '0')) = any(cast(? as varchar[]))
                  and p.state is null
                order by p.outbox_id desc limit 20""")
                .param(forms.toArray(String[]::new))
                .query((rs, row) -> new Candidate(new Part(rs.getLong("outbox_id"), rs.getInt("seq")),
                        rs.getString("folded")))
                .list();
        if (candidates.stream().map(Candidate::folded).distinct().count() != 1) {
            return Optional.empty();
        }
        return Optional.of(candidates.getFirst().part());
    }

    /** Not delivered as soon as one part is not; delivered once every part is. */
    private @Nullable Delivery outcome(long outboxId, Filed receipt) {
        var delivery = new Receipt(receipt.messageId(), receipt.state()).outcome();
        if (delivery != Delivery.DELIVERED) {
            return delivery;
        }
        boolean all = jdbc.sql("select bool_and(coalesce(state = 'DELIVRD', false)) from ntf_sms_part where outbox_id = ?")
                .param(outboxId).query(Boolean.class).single();
        return all ? Delivery.DELIVERED : null;
    }

    private void drop(Filed receipt) {
        jdbc.sql("delete from ntf_sms_receipt where id = ?").param(receipt.id()).update();
    }
}
