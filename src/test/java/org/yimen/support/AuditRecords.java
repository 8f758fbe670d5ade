package org.yimen.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "This action left this audit record" in one line: take {@link #head} before the action, then
 * {@link #assertRecorded} after it.
 */
public final class AuditRecords {

    /** An audit record as a test sees it. */
    public record Recorded(long seq, String actorType, String actorId, String actorName, String action,
            String targetType, String targetId, String detail) {
    }

    private AuditRecords() {
    }

    /** The number of the newest record now (0 when the trail is empty). */
    public static long head(JdbcClient jdbc) {
        return jdbc.sql("select coalesce(max(seq), 0) from audit_record").query(Long.class).single();
    }

    public static List<Recorded> since(JdbcClient jdbc, long mark) {
        return jdbc.sql("""
                select seq, actor_type, actor_id, actor_name, action, target_type, target_id, detail
                from audit_record where seq > ? order by seq""")
                .param(mark)
                .query(Recorded.class)
                .list();
    }

    /** Asserts that since {@code mark} exactly one record of this action on this target was written, and returns it. */
    public static Recorded assertRecorded(JdbcClient jdbc, long mark, String action, String targetType,
            Object targetId) {
        var matching = since(jdbc, mark).stream()
                .filter(r -> r.action().equals(action) && r.targetType().equals(targetType)
                        && r.targetId().equals(String.valueOf(targetId)))
                .toList();
        assertThat(matching).as("audit records of %s on %s %s", action, targetType, targetId).hasSize(1);
        return matching.getFirst();
    }
}
