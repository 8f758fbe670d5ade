package org.yimen.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yimen.shared.StaffIdentity;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the one audit trail. Call it inside the transaction of the change being recorded: a rolled-back change
 * leaves no record and a committed one always has one.
 *
 * <p>{@code record} only notes the record (its time, actor, client address and detail are taken at the call); the
 * transaction's records are inserted together just before it commits, in one statement, without any lock: audited
 * transactions of every node run side by side. {@link AuditSealer} then links committed records into the one chain,
 * within about a second. A record noted after the insert (by work that itself runs just before commit) is inserted at
 * once. Called outside a transaction, {@code record} runs in one of its own.
 */
@Service
public class AuditTrail {

    /** Key of the current transaction's {@link Pending} among its resources. */
    private static final Object PENDING = new Object();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an action of whoever is signed in (or an anonymous caller) on a target. */
    @Transactional
    public void record(String action, String targetType, Object targetId, Map<String, ?> detail) {
        record(currentActor(), action, targetType, targetId, detail);
    }

    /** Records an action of a given actor, for example a scheduled job or a citizen. */
    @Transactional
    public void record(Actor actor, String action, String targetType, Object targetId, Map<String, ?> detail) {
        var entry = new Entry(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), actor, action, targetType,
                String.valueOf(targetId), json.writeValueAsString(detail), clientAddress());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append(List.of(entry)); // a transaction without synchronisation: nothing to wait for
            return;
        }
        var pending = (Pending) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(PENDING, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.appended) {
            append(List.of(entry));
        } else {
            pending.entries.add(entry);
        }
    }

    /**
     * Inserts records in the current transaction, in one statement however many there are. They take numbers from a
     * sequence and no lock: {@link AuditSealer} links them into the chain once they are committed.
     */
    private void append(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (entries.size() == 1) {
            // Most transactions record once: plain values are cheaper for the database than arrays to unnest.
            Entry e = entries.getFirst();
            jdbc.sql("""
                    insert into audit_record (occurred_at, actor_type, actor_id, actor_name, actor_role, action,
                        target_type, target_id, detail, client_address)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(java.sql.Timestamp.from(e.occurredAt()), e.actor().kind().name(), e.actor().id(),
                            e.actor().name(), e.actor().role(), e.action(), e.targetType(), e.targetId(), e.detail(),
                            e.clientAddress())
                    .update();
            return;
        }
        int n = entries.size();
        var times = new String[n];
        var actorTypes = new String[n];
        var actorIds = new String[n];
        var actorNames = new String[n];
        var actorRoles = new String[n];
        var actions = new String[n];
        var targetTypes = new String[n];
        var targetIds = new String[n];
        var details = new String[n];
        var addresses = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            times[i] = e.occurredAt().toString();
            actorTypes[i] = e.actor().kind().name();
            actorIds[i] = e.actor().id();
            actorNames[i] = e.actor().name();
            actorRoles[i] = e.actor().role();
            actions[i] = e.action();
            targetTypes[i] = e.targetType();
            targetIds[i] = e.targetId();
            details[i] = e.detail();
            addresses[i] = e.clientAddress();
        }
        // Each column is an array parameter, zipped row by row; the numbers follow the order of the calls.
        jdbc.sql("""
                insert into audit_record (occurred_at, actor_type, actor_id, actor_name, actor_role, action,
                    target_type, target_id, detail, client_address)
                select r.occurred_at, r.actor_type, r.actor_id, r.actor_name, r.actor_role, r.action,
                    r.target_type, r.target_id, r.detail, r.client_address
                from unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality
                    as r(occurred_at, actor_type, actor_id, actor_name, actor_role, action, target_type,
                        target_id, detail, client_address, position)
                order by r.position""")
                .params(times, actorTypes, actorIds, actorNames, actorRoles, actions, targetTypes,
                        targetIds, details, addresses)
                .update();
    }

    /** A record as noted at the call, before it has a place in the chain. */
    private record Entry(Instant occurredAt, Actor actor, String action, String targetType, String targetId,
            String detail, String clientAddress) {
    }

    /**
     * The records a transaction has noted, inserted just before it commits. Ordered last, so records noted by other
     * work that runs before the commit are inserted with them. Suspended with its transaction, so a new transaction
     * inside it (REQUIRES_NEW) collects and commits its own records.
     */
    private final class Pending implements TransactionSynchronization {

        private final List<Entry> entries = new ArrayList<>();
        private boolean appended;

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            appended = true;
            append(entries);
            entries.clear();
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(PENDING);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(PENDING, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
        }
    }

    /**
     * The signed-in member of staff (id and roles); an anonymous caller when a request comes from nobody signed in;
     * the system itself when there is no request at all (start-up tasks, scheduled jobs).
     */
    public static Actor currentActor() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if ((authentication == null || authentication instanceof AnonymousAuthenticationToken)
                && RequestContextHolder.getRequestAttributes() == null) {
            return Actor.system("yimen");
        }
        return actorOf(authentication);
    }

    /** The member of staff an authentication stands for (id, name, roles), or an anonymous caller. */
    public static Actor actorOf(@Nullable Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Actor.anonymous("");
        }
        String roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .sorted()
                .collect(Collectors.joining(","));
        if (authentication.getPrincipal() instanceof StaffIdentity staff) {
            return new Actor(Actor.Kind.STAFF, Long.toString(staff.staffId()), staff.displayName(), roles);
        }
        return new Actor(Actor.Kind.STAFF, authentication.getName(), authentication.getName(), roles);
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
        }
        return "";
    }
}
