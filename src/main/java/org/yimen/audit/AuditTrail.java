package org.yimen.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yimen.shared.StaffIdentity;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the one audit trail. Call it inside the transaction of the change being recorded: a rolled-back change
 * leaves no record and a committed one always has one. Appends are serialised by a transaction-scoped advisory lock,
 * so concurrent writers on any number of nodes extend one chain and never fork it.
 */
@Service
public class AuditTrail {

    /** Advisory lock key of the chain head ("audit" in ASCII). */
    private static final long CHAIN_LOCK = 0x6175646974L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditProperties properties;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    AuditTrail(JdbcClient jdbc, Clock clock, AuditProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Records an action of whoever is signed in (or an anonymous caller) on a target. Returns the record's number. */
    @Transactional
    public long record(String action, String targetType, Object targetId, Map<String, ?> detail) {
        return record(currentActor(), action, targetType, targetId, detail);
    }

    /** Records an action of a given actor, for example a scheduled job or a citizen. */
    @Transactional
    public long record(Actor actor, String action, String targetType, Object targetId, Map<String, ?> detail) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, row) -> 1).single();
        var head = jdbc.sql("select seq, hash from audit_record order by seq desc limit 1")
                .query((rs, row) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .optional();
        long seq = head.map(h -> (Long) h[0] + 1).orElse(1L);
        String previous = head.map(h -> (String) h[1]).orElse(ChainHash.GENESIS);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String detailJson = json.writeValueAsString(detail);
        String address = clientAddress();
        String algorithm = properties.hashAlgorithm();
        String target = String.valueOf(targetId);
        String hash = ChainHash.of(algorithm, seq, now, actor, action, targetType, target, detailJson, address,
                previous);
        jdbc.sql("""
                insert into audit_record (seq, occurred_at, actor_type, actor_id, actor_name, actor_role, action,
                    target_type, target_id, detail, client_address, algorithm, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, Timestamp.from(now), actor.kind().name(), actor.id(), actor.name(), actor.role(), action,
                        targetType,
                        target, detailJson, address, algorithm, previous, hash)
                .update();
        return seq;
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
