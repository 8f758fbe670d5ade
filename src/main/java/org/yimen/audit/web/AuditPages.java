package org.yimen.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yimen.audit.AuditQuery;
import org.yimen.audit.AuditReading;
import org.yimen.audit.AuditTrail;
import org.yimen.audit.AuditVerification;
import org.yimen.shared.Rejected;
import org.yimen.shared.SensitiveAction;

/**
 * 倒查: one search page that answers both "what happened to this case / ticket / account" and "what did this person do
 * in this period", with a CSV export; and, for auditors, the verification of the whole trail.
 */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAnyRole('AUDITOR','SUPERVISOR')")
class AuditPages {

    private final AuditReading reading;
    private final AuditVerification verification;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    AuditPages(AuditReading reading, AuditVerification verification, AuditTrail audit, MessageSource messages,
            Clock clock) {
        this.reading = reading;
        this.verification = verification;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String search(AuditQuery query,
            @RequestParam(defaultValue = "0") long before, Model model) {
        model.addAttribute("query", query);
        model.addAttribute("zone", clock.getZone());
        try {
            var records = reading.find(query, before);
            model.addAttribute("records", records);
            model.addAttribute("nextBefore",
                    records.size() == AuditReading.PAGE_SIZE ? records.getLast().seq() : null);
        } catch (Rejected rejected) {
            model.addAttribute("records", java.util.List.of());
            model.addAttribute("queryError", rejected.code());
        }
        return "audit/search";
    }

    /** Taking the trail out of the system is sensitive: it needs a recently typed password. */
    @GetMapping(value = "/export", produces = "text/csv")
    @SensitiveAction
    void export(AuditQuery query,
            HttpServletResponse response) throws IOException {
        AuditApi.export(query, response, reading, messages, clock);
    }

    @GetMapping("/verification")
    @PreAuthorize("hasRole('AUDITOR')")
    String verificationPage() {
        return "audit/verification";
    }

    @PostMapping("/verification")
    @PreAuthorize("hasRole('AUDITOR')")
    String verify(Model model) {
        var report = verification.verify();
        audit.record("audit.verified", "audit-trail", "all", Map.of("intact", report.intact(),
                "upTo", report.verifiedUpTo()));
        model.addAttribute("report", report);
        return "audit/verification";
    }
}
