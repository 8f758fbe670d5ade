package org.yimen.reception;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.AuditTrail;
import org.yimen.org.Organisation;
import org.yimen.org.ServiceWindow;
import org.yimen.shared.Rejected;

/**
 * Kiosks and displays: each signs in with a token of its own, shown once when the device is registered and stored only
 * as its SHA-256, so a copy of the database opens no screen. A revoked token stops working on its next request.
 */
@Service
@Transactional
class Devices {

    /** A device just registered, with the one showing of its token. */
    record Registered(Device device, String token) {
    }

    /** A device as the administration lists it. */
    record Listed(long id, DeviceKind kind, long hallId, @Nullable Long windowId, String name, Instant createdAt,
            @Nullable Instant revokedAt, @Nullable Instant lastSeenAt) {
    }

    private static final SecureRandom random = new SecureRandom();
    /** Recording every request of a display would write a row per second; once a minute says enough. */
    private static final Duration SEEN_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Organisation organisation;
    private final AuditTrail audit;
    private final Clock clock;

    Devices(JdbcClient jdbc, Organisation organisation, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
    }

    Registered register(DeviceKind kind, long hallId, @Nullable Long windowId, String name) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return register(kind, hallId, windowId, name, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** Registers a device with a given token (demo mode's documented tokens). */
    Registered register(DeviceKind kind, long hallId, @Nullable Long windowId, String name, String token) {
        if (organisation.hall(hallId).isEmpty()) {
            throw Rejected.invalid("hallId", "reception.hall.notFound");
        }
        if (kind.ofWindow()) {
            ServiceWindow window = windowId == null ? null : organisation.window(windowId).orElse(null);
            if (window == null || window.hallId() != hallId) {
                throw Rejected.invalid("windowId", "reception.device.windowRequired");
            }
        } else if (windowId != null) {
            throw Rejected.invalid("windowId", "reception.device.noWindow");
        }
        String label = name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw Rejected.invalid("name", "reception.device.name");
        }
        long id = jdbc.sql("""
                insert into rcp_device (token_hash, kind, hall_id, window_id, name, created_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(hash(token), kind.name(), hallId, windowId, label, TicketRows.utc(clock.instant()))
                .query(Long.class).single();
        var detail = new LinkedHashMap<String, Object>();
        detail.put("kind", kind.name());
        detail.put("hall", hallId);
        if (windowId != null) {
            detail.put("window", windowId);
        }
        detail.put("name", label);
        audit.record("reception.device.registered", "device", id, detail);
        return new Registered(new Device(id, kind, hallId, windowId, label), token);
    }

    void revoke(long id) {
        int revoked = jdbc.sql("update rcp_device set revoked_at = ? where id = ? and revoked_at is null")
                .params(TicketRows.utc(clock.instant()), id).update();
        if (revoked == 0) {
            throw Rejected.notFound("reception.device.notFound");
        }
        audit.record("reception.device.revoked", "device", id, java.util.Map.of());
    }

    /** The device a token belongs to, unless it is unknown or revoked. */
    Optional<Device> authenticate(String token) {
        if (token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        var device = jdbc.sql("""
                select id, kind, hall_id, window_id, name, last_seen_at from rcp_device
                where token_hash = ? and revoked_at is null""")
                .param(hash(token))
                .query((rs, row) -> {
                    var seen = rs.getTimestamp("last_seen_at");
                    if (seen == null || seen.toInstant().plus(SEEN_GRANULARITY).isBefore(now)) {
                        jdbc.sql("update rcp_device set last_seen_at = ? where id = ?")
                                .params(TicketRows.utc(now), rs.getLong("id")).update();
                    }
                    return device(rs);
                })
                .optional();
        return device;
    }

    @Transactional(readOnly = true)
    List<Listed> ofHall(long hallId) {
        return jdbc.sql("select * from rcp_device where hall_id = ? order by id").param(hallId)
                .query((rs, row) -> new Listed(rs.getLong("id"), DeviceKind.valueOf(rs.getString("kind")),
                        rs.getLong("hall_id"), windowId(rs), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                        rs.getTimestamp("last_seen_at") == null ? null : rs.getTimestamp("last_seen_at").toInstant()))
                .list();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Device device(ResultSet rs) throws SQLException {
        return new Device(rs.getLong("id"), DeviceKind.valueOf(rs.getString("kind")), rs.getLong("hall_id"),
                windowId(rs), rs.getString("name"));
    }

    private static @Nullable Long windowId(ResultSet rs) throws SQLException {
        long window = rs.getLong("window_id");
        return rs.wasNull() ? null : window;
    }
}
