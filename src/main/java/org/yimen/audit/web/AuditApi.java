package org.yimen.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.audit.AuditQuery;
import org.yimen.audit.AuditReading;
import org.yimen.audit.AuditRecord;
import org.yimen.audit.AuditTrail;
import org.yimen.audit.AuditVerification;
import org.yimen.audit.VerificationReport;

/** Tracing (倒查) for auditors and supervisors, verification for auditors. Nobody can change the trail here. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit", description = "The tamper-evident audit trail (审计日志)")
@PreAuthorize("hasAnyRole('AUDITOR','SUPERVISOR')")
class AuditApi {

    private final AuditReading reading;
    private final AuditVerification verification;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    AuditApi(AuditReading reading, AuditVerification verification, AuditTrail audit, MessageSource messages,
            Clock clock) {
        this.reading = reading;
        this.verification = verification;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/records")
    @Operation(summary = "Records about a target and/or by an actor in a period, newest first, 100 per page",
            description = "Pass `before` (the smallest seq of the previous page) for the next page.")
    List<AuditRecord> records(@ParameterObject AuditQuery query,
            @RequestParam(defaultValue = "0") long before) {
        return reading.find(query, before);
    }

    @GetMapping(value = "/records.csv", produces = "text/csv")
    @Operation(summary = "The same records as CSV, oldest first (the export is itself recorded)")
    void csv(@ParameterObject AuditQuery query,
            HttpServletResponse response) throws IOException {
        export(query, response, reading, messages, clock);
    }

    @GetMapping("/verification")
    @PreAuthorize("hasRole('AUDITOR')")
    @Operation(summary = "Check every link of the trail and every checkpoint",
            description = "Intact up to record N, or the first broken record and why.")
    VerificationReport verify() {
        var report = verification.verify();
        audit.record("audit.verified", "audit-trail", "all", Map.of("intact", report.intact(),
                "upTo", report.verifiedUpTo()));
        return report;
    }

    static void export(AuditQuery query, HttpServletResponse response, AuditReading reading, MessageSource messages,
            Clock clock) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + LocalDate.now(clock) + ".csv\"");
        var stream = response.getOutputStream();
        stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (var csv = new AuditCsv(stream, messages, LocaleContextHolder.getLocale(), clock.getZone())) {
            csv.header();
            reading.export(query, csv::write);
        }
    }
}
