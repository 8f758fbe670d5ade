package org.yimen.audit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.shared.Rejected;

/**
 * Reads the trail for auditors and supervisors: a page of matching records, newest first, or all of them for an
 * export. Exports are themselves recorded, since they take the trail out of the system.
 */
@Service
public class AuditReading {

    /** The most records one page shows. */
    public static final int PAGE_SIZE = 100;

    private final JdbcClient jdbc;
    private final ZoneId zone;
    private final AuditTrail audit;

    AuditReading(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.zone = clock.getZone();
        this.audit = audit;
    }

    /** Records matching the query, newest first, at most {@link #PAGE_SIZE}, older than {@code beforeSeq} if given. */
    @Transactional(readOnly = true)
    public List<AuditRecord> find(AuditQuery query, long beforeSeq) {
        var where = where(query);
        if (beforeSeq > 0) {
            where.clauses.add("seq < :before");
            where.params.put("before", beforeSeq);
        }
        return jdbc.sql("select * from audit_record" + where.sql() + " order by seq desc limit " + PAGE_SIZE)
                .params(where.params)
                .query((rs, row) -> AuditVerification.read(rs))
                .list();
    }

    /** Streams every matching record, oldest first, and records that the export happened. */
    @Transactional
    public void export(AuditQuery query, Consumer<AuditRecord> sink) {
        var where = where(query);
        audit.record("audit.exported", "audit-trail", "query", Map.of("query", query.toString()));
        long after = 0;
        while (true) {
            var params = new java.util.HashMap<>(where.params);
            params.put("after", after);
            var clauses = new ArrayList<>(where.clauses);
            clauses.add("seq > :after");
            var page = jdbc.sql("select * from audit_record where " + String.join(" and ", clauses)
                            + " order by seq limit 5000")
                    .params(params)
                    .query((rs, row) -> AuditVerification.read(rs))
                    .list();
            page.forEach(sink);
            if (page.size() < 5000) {
                return;
            }
            after = page.getLast().seq();
        }
    }

    private Where where(AuditQuery query) {
        if (query.isPeriodReversed()) {
            throw Rejected.invalid("to", "audit.query.periodReversed");
        }
        var where = new Where(new ArrayList<>(), new java.util.HashMap<>());
        if (query.targetType() != null) {
            where.clauses.add("target_type = :targetType");
            where.params.put("targetType", query.targetType());
        }
        if (query.targetId() != null) {
            where.clauses.add("target_id = :targetId");
            where.params.put("targetId", query.targetId());
        }
        if (query.actor() != null) {
            where.clauses.add("(actor_id = :actor or actor_name = :actor)");
            where.params.put("actor", query.actor());
        }
        if (query.action() != null) {
            where.clauses.add("action like :action");
            where.params.put("action", query.action().replace("%", "") + "%");
        }
        if (query.from() != null) {
            where.clauses.add("occurred_at >= :from");
            where.params.put("from", startOf(query.from()));
        }
        if (query.to() != null) {
            where.clauses.add("occurred_at < :to");
            where.params.put("to", startOf(query.to().plusDays(1)));
        }
        return where;
    }

    private java.time.OffsetDateTime startOf(LocalDate date) {
        return date.atStartOfDay(zone).toOffsetDateTime();
    }

    private record Where(List<String> clauses, Map<String, Object> params) {

        String sql() {
            return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        }
    }
}
