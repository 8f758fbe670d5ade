package org.yimen.notifications;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counters of what happened to messages on this node, by channel ({@code sms}, {@code email}), for Prometheus
 * ({@code /actuator/prometheus}): {@code yimen.notifications.queued}, {@code .sent}, {@code .failed}, {@code .held},
 * {@code .delivered} and {@code .undelivered} (short messages whose receipt said so). A count is taken when the
 * transaction that did it commits, so a rolled-back change counts nothing. Sum them over the nodes; the gauge
 * {@code yimen.notifications.pending} (messages waiting to be sent, by channel) is read from the shared outbox, so
 * every node reports the same value.
 */
@Component
class NotificationMetrics {

    static final String PREFIX = "yimen.notifications.";

    /** What happened to a message. */
    enum Outcome {
        QUEUED("messages written to the outbox"),
        SENT("messages the SMSC or SMTP server took"),
        FAILED("messages given up (refused, out of attempts, expired or an address that cannot receive)"),
        HELD("messages kept unsent because no server is configured for their channel"),
        DELIVERED("short messages the SMSC reported delivered to the handset"),
        UNDELIVERED("short messages the SMSC reported not delivered");

        private final String description;

        Outcome(String description) {
            this.description = description;
        }
    }

    private final Map<Channel, Map<Outcome, Counter>> counters = new EnumMap<>(Channel.class);
    private final JdbcClient jdbc;

    NotificationMetrics(MeterRegistry registry, JdbcClient jdbc) {
        this.jdbc = jdbc;
        for (Channel channel : Channel.values()) {
            var byOutcome = new EnumMap<Outcome, Counter>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder(name(outcome)).description(outcome.description)
                        .tag("channel", tag(channel)).register(registry));
            }
            counters.put(channel, byOutcome);
            Gauge.builder(PREFIX + "pending", this, m -> m.pending(channel))
                    .description("messages in the outbox waiting to be sent (all nodes)")
                    .tag("channel", tag(channel)).strongReference(true).register(registry);
        }
    }

    static String name(Outcome outcome) {
        return PREFIX + outcome.name().toLowerCase(Locale.ROOT);
    }

    static String tag(Channel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }

    /** Counts a message written to the outbox, and its status if it is held or failed at once. */
    void queued(Channel channel, DeliveryStatus status) {
        count(channel, Outcome.QUEUED, 1);
        switch (status) {
            case HELD -> count(channel, Outcome.HELD, 1);
            case FAILED -> count(channel, Outcome.FAILED, 1);
            default -> {
            }
        }
    }

    void count(Channel channel, Outcome outcome, int messages) {
        if (messages <= 0) {
            return;
        }
        Counter counter = counters.get(channel).get(outcome);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment(messages);
                }
            });
        } else {
            counter.increment(messages);
        }
    }

    private double pending(Channel channel) {
        return jdbc.sql("select count(*) from ntf_outbox where status = 'PENDING' and channel = ?")
                .param(channel.name()).query(Long.class).single();
    }
}
