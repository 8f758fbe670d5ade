package org.yimen.cases;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.yimen.notifications.PhoneVerification;
import org.yimen.platform.RateLimits;
import org.yimen.privacy.PersonalData;
import org.yimen.shared.Masking;
import org.yimen.shared.MobileNumbers;
import org.yimen.shared.Rejected;

/**
 * 网上补正 for citizens, who have no account: only the applicant may upload what a one-time notice asked for, and the
 * applicant is whoever proves the case's phone with an SMS code (purpose {@value #PURPOSE}), as {@code /apply} proves
 * it. The case number and the whole phone number are typed; a code is sent only when they belong together, but the
 * answer is the same either way, and an unknown number, a wrong phone and a wrong, expired or used code are refused
 * with one and the same answer ({@value #REFUSED}), so nobody learns which cases exist or whose they are. Attempts are
 * limited per client address and per case number, counted before anything is read, on top of the code's own limits.
 *
 * <p>A page keeps the {@link Proof} in the citizen's session for a short while, so the code (burnt once verified) is
 * not asked for again between seeing the notice's materials and uploading them; the API proves and uploads in one
 * call, checking the files first so a bad file does not use up the code.
 */
@Service
class OnlineSupplements {

    static final String PURPOSE = "case-supplement";
    static final String REFUSED = "cases.supplement.refused";
    /** How long a proven phone may upload without a new code; shorter than the session itself. */
    static final Duration PROOF_LASTS = Duration.ofMinutes(20);

    /** The applicant proved the phone of this case until {@code until}; the phone itself is kept only masked. */
    record Proof(long caseId, String caseNumber, String maskedPhone, Instant until) implements Serializable {
    }

    /** What the applicant still owes: the latest notice's open lines, with their reasons. */
    record Owed(String caseNumber, String itemName, int noticeNumber, List<NoticeItem> items) {
    }

    private final JdbcCases store;
    private final Cases cases;
    private final CaseFiles files;
    private final PhoneVerification verification;
    private final PersonalData personalData;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final int perAddress;
    private final int perCase;
    private final Duration window;

    OnlineSupplements(JdbcCases store, Cases cases, CaseFiles files, PhoneVerification verification,
            PersonalData personalData, RateLimits rateLimits, Clock clock,
            @Value("${yimen.cases.supplement.attempts-per-address:30}") int perAddress,
            @Value("${yimen.cases.supplement.attempts-per-case:10}") int perCase,
            @Value("${yimen.cases.supplement.window:PT1H}") Duration window) {
        this.store = store;
        this.cases = cases;
        this.files = files;
        this.verification = verification;
        this.personalData = personalData;
        this.rateLimits = rateLimits;
        this.clock = clock;
        this.perAddress = perAddress;
        this.perCase = perCase;
        this.window = window;
    }

    /**
     * Sends a code to the typed phone if it is the one on the case; answers with the typed phone masked either way.
     * Refused only for what the typed values alone show (nothing typed, no mobile number) and with 429 over the limits.
     */
    String sendCode(@Nullable String caseNumber, @Nullable String phone, String clientAddress) {
        String number = ProgressQuery.normalise(caseNumber);
        String mobile = typed(number, phone);
        limit(number, clientAddress);
        claim(number, mobile).ifPresent(c -> {
            try {
                verification.issue(mobile, PURPOSE, clientAddress);
            } catch (Rejected tooSoon) {
                // Only a matching phone ever reaches the code's own limits, so their answer would tell the match;
                // the code sent a moment ago stays valid.
            }
        });
        return Masking.phone(mobile);
    }

    /** Checks the code sent to the case's phone; the one refusal for an unknown number, a wrong phone or code. */
    Proof prove(@Nullable String caseNumber, @Nullable String phone, @Nullable String code, String clientAddress) {
        String number = ProgressQuery.normalise(caseNumber);
        String mobile = typed(number, phone);
        limit(number, clientAddress);
        var claim = claim(number, mobile).orElseThrow(OnlineSupplements::refused);
        try {
            verification.verify(mobile, PURPOSE, code, clientAddress);
        } catch (Rejected wrong) {
            if (wrong.kind() == Rejected.Kind.TOO_MANY_REQUESTS) {
                throw wrong;
            }
            throw refused();
        }
        return new Proof(claim.id(), number, Masking.phone(mobile), clock.instant().plus(PROOF_LASTS));
    }

    /**
     * What the proven applicant may upload. Refused when the proof has run out, for a case applied for at a window
     * (its materials go to the window) and when the case waits for nothing.
     */
    Owed owed(Proof proof) {
        requireLive(proof);
        Case c = cases.find(proof.caseId()).orElseThrow(OnlineSupplements::refused);
        if (c.channel() != Case.Channel.ONLINE) {
            throw Rejected.conflict(null, "cases.supplement.onlineOnly");
        }
        var open = c.owedOnline();
        if (open.isEmpty()) {
            throw Rejected.conflict(null, "cases.supplement.nothingOwed");
        }
        // A reason may quote personal data the clerk typed; the page shows it as the progress page does.
        return new Owed(c.number(), cases.version(c).name(), c.notices().getLast().number(), open.stream()
                .map(i -> new NoticeItem(i.material(), i.problem(), Masking.inText(i.reason()))).toList());
    }

    /** The proven applicant's upload: see {@link Cases#supplementOnline}. */
    Case supplement(Proof proof, List<CaseFiles.Upload> uploads) {
        check(uploads);
        return upload(proof, uploads);
    }

    /** Proves the phone and uploads in one go, for the API; files that would be refused do not use up the code. */
    Case supplement(@Nullable String caseNumber, @Nullable String phone, @Nullable String code,
            List<CaseFiles.Upload> uploads, String clientAddress) {
        check(uploads);
        return upload(prove(caseNumber, phone, code, clientAddress), uploads);
    }

    private void check(List<CaseFiles.Upload> uploads) {
        if (uploads.isEmpty()) {
            throw Rejected.invalid("files", "cases.online.noFiles");
        }
        files.checkAll(uploads);
    }

    /** Uploads checked files; the case itself refuses them if it owes nothing online. */
    private Case upload(Proof proof, List<CaseFiles.Upload> uploads) {
        requireLive(proof);
        return cases.supplementOnline(proof.caseId(), uploads, proof.maskedPhone());
    }

    private void requireLive(Proof proof) {
        if (!clock.instant().isBefore(proof.until())) {
            throw Rejected.invalid("smsCode", "cases.supplement.proofExpired");
        }
    }

    /** The typed values as a case number and a mobile number, refused only by their form. */
    private static String typed(String number, @Nullable String phone) {
        if (number.isEmpty()) {
            throw Rejected.invalid("caseNumber", "cases.progress.caseNumberRequired");
        }
        return MobileNumbers.parse(phone)
                .orElseThrow(() -> Rejected.invalid("phone", "cases.supplement.phoneInvalid"));
    }

    private void limit(String number, String clientAddress) {
        rateLimits.check("cases.supplement.address", clientAddress, perAddress, window);
        rateLimits.check("cases.supplement.case", number, perCase, window);
    }

    /** The case with this number if the typed phone is the one it was applied with. */
    private Optional<JdbcCases.PhoneClaim> claim(String number, String mobile) {
        if (!ProgressQuery.wellFormed(number)) {
            return Optional.empty();
        }
        return store.sealedPhoneByNumber(number).filter(c -> MessageDigest.isEqual(
                MobileNumbers.parse(personalData.open(c.phoneSealed())).orElse("").getBytes(StandardCharsets.US_ASCII),
                mobile.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Rejected refused() {
        return Rejected.invalid("smsCode", REFUSED);
    }
}
