package org.yimen.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yimen.audit.Actor;
import org.yimen.audit.AuditTrail;
import org.yimen.notifications.PhoneVerification;
import org.yimen.org.Department;
import org.yimen.org.Organisation;
import org.yimen.platform.RateLimits;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.Masking;
import org.yimen.shared.Rejected;

/**
 * 办件进度查询 for citizens, who have no account: the case number plus the last four digits of the phone they gave.
 *
 * <p>The digits are compared on the server against the sealed phone, opened only for the comparison and never shown:
 * no extra column or backfill, and the sealing key stays the only secret. Four digits are easy to guess, so lookups
 * are limited per client address and per case number, counted before anything is read; a wrong number and wrong
 * digits give one and the same answer, so nobody learns which case numbers exist.
 */
@Service
public class ProgressQuery {

    static final String NOT_FOUND = "cases.progress.notFound";
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]{1,20}-[0-9]{8}-[0-9]{6,12}");
    private static final Pattern LAST_FOUR = Pattern.compile("[0-9]{4}");

    private final JdbcCases store;
    private final Cases cases;
    private final Organisation organisation;
    private final Timelines timelines;
    private final PhoneVerification verification;

    static final String CODE_PURPOSE = "progress";
    static final String CODE_REFUSED = "cases.progress.codeRefused";
    private final PersonalData personalData;
    private final RateLimits rateLimits;
    private final AuditTrail audit;
    private final Clock clock;
    private final int perAddress;
    private final int perCase;
    private final Duration window;

    ProgressQuery(JdbcCases store, Cases cases, Organisation organisation, Timelines timelines,
            PhoneVerification verification,
            PersonalData personalData, RateLimits rateLimits, AuditTrail audit, Clock clock,
            @Value("${yimen.cases.progress.lookups-per-address:30}") int perAddress,
            @Value("${yimen.cases.progress.lookups-per-case:10}") int perCase,
            @Value("${yimen.cases.progress.window:PT1H}") Duration window) {
        this.store = store;
        this.cases = cases;
        this.organisation = organisation;
        this.timelines = timelines;
        this.verification = verification;
        this.personalData = personalData;
        this.rateLimits = rateLimits;
        this.audit = audit;
        this.clock = clock;
        this.perAddress = perAddress;
        this.perCase = perCase;
        this.window = window;
    }

    /** Whether a normalised number has the form of a case number, so that anything else is refused unread. */
    static boolean wellFormed(String caseNumber) {
        return NUMBER.matcher(caseNumber).matches();
    }

    /** The case number as people type it: spaces dropped, letters in capitals. */
    static String normalise(@Nullable String caseNumber) {
        return caseNumber == null ? "" : caseNumber.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /**
     * The progress of a case, or {@link #NOT_FOUND} when the number is unknown or the digits do not match; 429 over
     * the limits. A successful lookup is recorded in the audit trail as the citizen's action.
     */
    @Transactional
    public ProgressView lookup(@Nullable String caseNumber, @Nullable String phoneLast4, String clientAddress,
            String channel) {
        String number = normalise(caseNumber);
        String digits = phoneLast4 == null ? "" : phoneLast4.strip();
        if (number.isEmpty()) {
            throw Rejected.invalid("caseNumber", "cases.progress.caseNumberRequired");
        }
        if (!LAST_FOUR.matcher(digits).matches()) {
            throw Rejected.invalid("phoneLast4", "cases.progress.lastFourInvalid");
        }
        rateLimits.check("cases.progress.address", clientAddress, perAddress, window);
        rateLimits.check("cases.progress.case", number, perCase, window);
        if (!wellFormed(number)) {
            throw Rejected.notFound(NOT_FOUND);
        }
        long id = store.sealedPhoneByNumber(number)
                .filter(claim -> matches(claim.phoneSealed(), digits))
                .map(JdbcCases.PhoneClaim::id)
                .orElseThrow(() -> Rejected.notFound(NOT_FOUND));
        CaseDetails details = cases.details(id).orElseThrow(() -> Rejected.notFound(NOT_FOUND));
        ProgressView view = view(details);
        audit.record(Actor.citizen(number), "cases.audit.progressViewed", Cases.TARGET, number,
                Map.of("channel", channel, "state", view.state().name()));
        return view;
    }

    /**
     * Sends an SMS code to the mobile phone registered on the case, for a citizen who does not remember its last
     * digits. The answer is the same whether or not the number exists or has a mobile phone, so nobody learns either.
     */
    @Transactional
    public void sendCode(@Nullable String caseNumber, String clientAddress) {
        String number = normalise(caseNumber);
        if (number.isEmpty()) {
            throw Rejected.invalid("caseNumber", "cases.progress.caseNumberRequired");
        }
        rateLimits.check("cases.progress.address", clientAddress, perAddress, window);
        rateLimits.check("cases.progress.case", number, perCase, window);
        if (!wellFormed(number)) {
            return;
        }
        store.sealedPhoneByNumber(number).ifPresent(claim -> {
            try {
                verification.issue(personalData.open(claim.phoneSealed()), CODE_PURPOSE, clientAddress);
            } catch (Rejected refused) {
                // A landline cannot receive the code, and a code asked for again too soon is not sent; only a real
                // case gets this far, so the answer stays the same rather than tell that the case exists.
            }
        });
    }

    /** The progress after the code sent to the case's phone; one refusal for an unknown number and a wrong code. */
    @Transactional
    public ProgressView lookupByCode(@Nullable String caseNumber, @Nullable String code, String clientAddress,
            String channel) {
        String number = normalise(caseNumber);
        if (number.isEmpty()) {
            throw Rejected.invalid("caseNumber", "cases.progress.caseNumberRequired");
        }
        rateLimits.check("cases.progress.address", clientAddress, perAddress, window);
        var claim = wellFormed(number) ? store.sealedPhoneByNumber(number)
                : java.util.Optional.<JdbcCases.PhoneClaim>empty();
        if (claim.isEmpty()) {
            throw Rejected.invalid("smsCode", CODE_REFUSED);
        }
        try {
            verification.verify(personalData.open(claim.get().phoneSealed()), CODE_PURPOSE, code, clientAddress);
        } catch (Rejected refused) {
            if (refused.kind() == Rejected.Kind.TOO_MANY_REQUESTS) {
                throw refused;
            }
            throw Rejected.invalid("smsCode", CODE_REFUSED);
        }
        CaseDetails details = cases.details(claim.get().id()).orElseThrow(() -> Rejected.notFound(NOT_FOUND));
        ProgressView view = view(details);
        audit.record(Actor.citizen(number), "cases.audit.progressViewed", Cases.TARGET, number,
                Map.of("channel", channel + "-sms", "state", view.state().name()));
        return view;
    }

    private boolean matches(byte[] sealed, String lastFour) {
        String phone = personalData.open(sealed).replaceAll("[^0-9]", "");
        String actual = phone.length() < 4 ? "" : phone.substring(phone.length() - 4);
        return MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
                lastFour.getBytes(StandardCharsets.US_ASCII)) && actual.length() == 4;
    }

    private ProgressView view(CaseDetails d) {
        Case c = d.caseFile();
        var item = cases.version(c);
        LocalDate today = LocalDate.now(clock);
        Clocks k = c.clocks();
        Refusal r = c.refusal();
        String competent = r == null || r.competentDepartmentId() == null ? null
                : organisation.department(r.competentDepartmentId()).map(Department::name).orElse(null);
        var notices = c.notices().stream().map(n -> new ProgressView.IssuedNotice(n.number(), n.issuedOn(),
                n.items().stream().map(i -> new ProgressView.Line(i.material(), i.problem(),
                        Masking.inText(i.reason()))).toList())).toList();
        return new ProgressView(c.number(), item.code(), item.name(), c.state(),
                d.submittedAt().atZone(clock.getZone()).toLocalDate(),
                k == null ? null : k.acceptedOn(), k == null ? null : k.promisedDue(),
                k == null ? null : k.statutoryDue(),
                k == null ? null : cases.remaining(k.promisedDue()),
                k == null ? null : cases.remaining(k.statutoryDue()),
                k == null ? null : k.published(), notices,
                r == null ? null : Masking.inText(r.reason()), r == null ? null : Masking.inText(r.remedies()),
                competent, maskName(d.applicantKind(), d.applicantName()), d.maskedPhone(), today,
                timelines.forCitizen(c, LocaleContextHolder.getLocale()).stream()
                        .map(l -> new ProgressView.Step(l.at(), l.text())).toList(),
                !c.owedOnline().isEmpty());
    }

    /**
     * A person's name keeps its first character (李*, 欧阳**); an enterprise's name is public in the business
     * register and is shown as it is, so the applicant recognises the case.
     */
    static String maskName(Applicant.Kind kind, String name) {
        if (kind == Applicant.Kind.ENTERPRISE || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
