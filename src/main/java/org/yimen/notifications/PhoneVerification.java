package org.yimen.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;
import org.yimen.platform.RateLimits;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.Masking;
import org.yimen.shared.MobileNumbers;
import org.yimen.shared.Rejected;

/**
 * 短信验证码: a citizen, who has no account, proves a mobile number by typing back the six-digit code sent to it.
 *
 * <p>{@link #issue} sends a fresh code through the outbox (a newer code replaces the older one) and keeps only a
 * keyed hash of it, under the privacy index key that never enters the database, so a copy of the database cannot
 * test the million possible codes. Codes are limited per phone (at most one per {@code resend-after}, at most
 * {@code per-phone} per window) and per client address, counted in PostgreSQL so no node is a way around them.
 *
 * <p>{@link #verify} succeeds once: the code is then burnt. A wrong code counts against the code, which is burnt after
 * {@code max-attempts} wrong tries; a wrong, expired, used or never issued code is refused with one and the same
 * answer ({@code notifications.code.rejected}), so the answer tells nothing about which. Both are in the audit trail
 * with the masked phone only, as the citizen's action.
 */
@Service
public class PhoneVerification {

    /** A code was sent: to which (masked) number, and until when it can be used. */
    public record Issued(String maskedPhone, Instant expiresAt) {
    }

    static final String REJECTED = "notifications.code.rejected";
    static final String TARGET = "phone-code";
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,23}");
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final PersonalData personalData;
    private final RateLimits rateLimits;
    private final AuditTrail audit;
    private final Clock clock;
    private final NotificationsProperties.Codes settings;

    PhoneVerification(JdbcClient jdbc, Notifications notifications, PersonalData personalData, RateLimits rateLimits,
            AuditTrail audit, Clock clock, NotificationsProperties properties) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.personalData = personalData;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.clock = clock;
        this.settings = properties.codes();
    }

    /** How long a code may be used once sent ({@code yimen.notifications.codes.valid-for}), for pages to say so. */
    public java.time.Duration validFor() {
        return settings.validFor();
    }

    /**
     * Sends a new code to a mainland mobile number for a purpose ({@code "progress"}, {@code "feedback"}: lower-case
     * letters, digits and dashes, at most 24), replacing any code sent before for the same number and purpose.
     * Refused with a field error for something that is no mobile number, and with 429 over the limits; a refusal
     * comes before anything is written, so it leaves the caller's transaction usable (a caller may answer alike
     * whatever happened, as the look-ups that must not tell which cases exist do).
     */
    @Transactional(noRollbackFor = Rejected.class)
    public Issued issue(@Nullable String phone, String purpose, String clientAddress) {
        checkPurpose(purpose);
        String mobile = MobileNumbers.parse(phone)
                .orElseThrow(() -> Rejected.invalid("phone", "notifications.code.phoneInvalid"));
        String index = personalData.index(mobile);
        String masked = Masking.phone(mobile);
        rateLimits.check("notifications.code.address", clientAddress, settings.perAddress(), settings.window());
        rateLimits.check("notifications.code.resend", index, 1, settings.resendAfter());
        rateLimits.check("notifications.code.phone", index, settings.perPhone(), settings.window());
        Instant now = clock.instant();
        Instant expires = now.plus(settings.validFor());
        jdbc.sql("update ntf_phone_code set closed_at = ? where phone_index = ? and purpose = ? and closed_at is null")
                .params(Outbox.utc(now), index, purpose).update();
        String code = "%06d".formatted(random.nextInt(1_000_000));
        long message = notifications.queueSms("verification." + purpose, mobile, "notifications.sms.code",
                new Object[] {code, settings.validFor().toMinutes()}, true, expires);
        long id = jdbc.sql("""
                insert into ntf_phone_code (phone_index, purpose, code_hash, created_at, expires_at, outbox_id)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(index, purpose, hash(index, purpose, code), Outbox.utc(now), Outbox.utc(expires), message)
                .query(Long.class).single();
        audit.record(Actor.citizen(masked), "notifications.audit.codeIssued", TARGET, id,
                Map.of("phone", masked, "purpose", purpose, "message", message));
        return new Issued(masked, expires);
    }

    /**
     * Checks a code and burns it on success. Runs in a transaction of its own that commits even when the code is
     * refused, so a wrong try always counts, whatever the caller's transaction does.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = Rejected.class)
    public void verify(@Nullable String phone, String purpose, @Nullable String code, String clientAddress) {
        checkPurpose(purpose);
        String mobile = MobileNumbers.parse(phone)
                .orElseThrow(() -> Rejected.invalid("phone", "notifications.code.phoneInvalid"));
        rateLimits.check("notifications.code.verify", clientAddress, settings.verificationsPerAddress(),
                settings.window());
        String index = personalData.index(mobile);
        String masked = Masking.phone(mobile);
        Instant now = clock.instant();
        var open = jdbc.sql("""
                select id, code_hash, expires_at, attempts from ntf_phone_code
                where phone_index = ? and purpose = ? and closed_at is null
                order by id desc limit 1 for update""")
                .params(index, purpose)
                .query((rs, row) -> new OpenCode(rs.getLong("id"), rs.getString("code_hash"),
                        rs.getObject("expires_at", java.time.OffsetDateTime.class).toInstant(), rs.getInt("attempts")))
                .optional();
        if (open.isEmpty()) {
            throw refused(masked, purpose, "none", null);
        }
        OpenCode stored = open.get();
        if (!now.isBefore(stored.expiresAt())) {
            close(stored.id(), now);
            throw refused(masked, purpose, "expired", stored.id());
        }
        String given = code == null ? "" : code.strip();
        boolean matches = CODE.matcher(given).matches() && MessageDigest.isEqual(
                hash(index, purpose, given).getBytes(StandardCharsets.US_ASCII),
                stored.hash().getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            int attempts = stored.attempts() + 1;
            jdbc.sql("update ntf_phone_code set attempts = ?, closed_at = ? where id = ?")
                    .params(attempts, attempts >= settings.maxAttempts() ? Outbox.utc(now) : null, stored.id())
                    .update();
            throw refused(masked, purpose, attempts >= settings.maxAttempts() ? "wrong, burnt" : "wrong",
                    stored.id());
        }
        close(stored.id(), now);
        audit.record(Actor.citizen(masked), "notifications.audit.codeVerified", TARGET, stored.id(),
                Map.of("phone", masked, "purpose", purpose));
    }

    /** Forgets codes a day after they were sent; any node may run it, the delete is idempotent. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    public void forgetOldCodes() {
        jdbc.sql("delete from ntf_phone_code where created_at < ?")
                .param(Outbox.utc(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    private record OpenCode(long id, String hash, Instant expiresAt, int attempts) {
    }

    private void close(long id, Instant now) {
        jdbc.sql("update ntf_phone_code set closed_at = ? where id = ?").params(Outbox.utc(now), id).update();
    }

    /** Records the refusal (with the reason, for auditors only) and returns the one answer the citizen gets. */
    private Rejected refused(String masked, String purpose, String reason, @Nullable Long id) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("phone", masked);
        detail.put("purpose", purpose);
        detail.put("reason", reason);
        audit.record(Actor.citizen(masked), "notifications.audit.codeRefused", TARGET, id == null ? "-" : id, detail);
        return Rejected.invalid("code", REJECTED);
    }

    private String hash(String phoneIndex, String purpose, String code) {
        return personalData.index("phone-code:" + purpose + ":" + phoneIndex + ":" + code);
    }

    private static void checkPurpose(String purpose) {
        if (!PURPOSE.matcher(purpose).matches()) {
            throw new IllegalArgumentException("a purpose is lower-case letters, digits and dashes, at most 24: "
                    + purpose);
        }
    }
}
