package org.yimen.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.shared.Rejected;

/**
 * Rate limits for public endpoints that send messages or create records (per phone, per client address…). Counts
 * live in PostgreSQL in fixed windows, so a client cannot escape a limit by reaching another node.
 */
@Service
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts one request in {@code scope} for {@code key} and refuses it (429) when more than {@code limit} fell in
     * the current window. Counted in its own transaction, so a refused or failed request still counts.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void check(String scope, String key, int limit, Duration window) {
        long windowMillis = window.toMillis();
        long now = Instant.now(clock).toEpochMilli();
        var start = OffsetDateTime.ofInstant(Instant.ofEpochMilli(now - now % windowMillis), ZoneOffset.UTC);
        String bucket = scope + ":" + key;
        int hits = jdbc.sql("""
                insert into platform_rate_window (bucket, window_start, hits) values (?, ?, 1)
                on conflict (bucket, window_start) do update set hits = platform_rate_window.hits + 1
                returning hits""")
                .params(bucket.length() > 200 ? bucket.substring(0, 200) : bucket, start)
                .query(Integer.class)
                .single();
        if (hits > limit) {
            throw Rejected.tooMany("error.tooManyRequests", Math.max(1, window.toMinutes()));
        }
    }

    /** Forgets windows older than a day; any node may run it, the delete is idempotent. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetOldWindows() {
        jdbc.sql("delete from platform_rate_window where window_start < ?")
                .param(OffsetDateTime.ofInstant(Instant.now(clock).minus(Duration.ofDays(1)), ZoneOffset.UTC))
                .update();
    }
}
