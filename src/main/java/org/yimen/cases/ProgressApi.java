package org.yimen.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The progress query for apps and kiosks: the same answer as the page, as JSON; problem details on errors. */
@RestController
@Tag(name = "Progress", description = "办件进度查询: a case's progress by case number and the last four digits of the"
        + " applicant's phone, or an SMS code sent to it. No sign-in; limited per client address and per case number"
        + " (429).")
class ProgressApi {

    /** The progress with its plain-language texts in the caller's language. */
    record ProgressResponse(String caseNumber, String itemCode, String itemName, CaseState state, String stateText,
            String nextStep, LocalDate submittedOn, @Nullable LocalDate acceptedOn, @Nullable LocalDate promisedDue,
            @Nullable LocalDate statutoryDue, @Nullable Integer promisedRemainingWorkingDays,
            @Nullable Integer statutoryRemainingWorkingDays, @Nullable Boolean dueDatesPublished,
            List<ProgressView.IssuedNotice> notices, @Nullable String refusalReason, @Nullable String refusalRemedies,
            @Nullable String competentDepartment, String maskedApplicantName, String maskedPhone,
            List<ProgressView.Step> timeline, boolean supplementOnline) {
    }

    private final ProgressQuery query;
    private final MessageSource messages;

    ProgressApi(ProgressQuery query, MessageSource messages) {
        this.query = query;
        this.messages = messages;
    }

    /** A case number to send the SMS code for. */
    record CodeRequest(@Nullable String caseNumber) {
    }

    /** A case number with the SMS code the case's phone received. */
    record CodeLookup(@Nullable String caseNumber, @Nullable String smsCode) {
    }

    @PostMapping("/api/progress/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send an SMS code to the mobile phone registered on the case",
            description = "Answers 202 alike whether or not the number exists or has a mobile phone.")
    void sendCode(@RequestBody CodeRequest request, HttpServletRequest http) {
        query.sendCode(request.caseNumber(), http.getRemoteAddr());
    }

    @PostMapping("/api/progress/sms")
    @Operation(summary = "A case's progress with the SMS code its phone received",
            description = "400 alike for an unknown number and a wrong, expired or used code.")
    ProgressResponse progressByCode(@RequestBody CodeLookup request, HttpServletRequest http) {
        return response(query.lookupByCode(request.caseNumber(), request.smsCode(), http.getRemoteAddr(), "api"));
    }

    @GetMapping("/api/progress")
    @Operation(summary = "A case's progress; 404 alike for an unknown number and for digits that do not match")
    ProgressResponse progress(@RequestParam(required = false) @Nullable String caseNumber,
            @RequestParam(required = false) @Nullable String phoneLast4, HttpServletRequest request) {
        return response(query.lookup(caseNumber, phoneLast4, request.getRemoteAddr(), "api"));
    }

    private ProgressResponse response(ProgressView v) {
        var locale = LocaleContextHolder.getLocale();
        return new ProgressResponse(v.caseNumber(), v.itemCode(), v.itemName(), v.state(),
                messages.getMessage("cases.progress.state." + v.state(), null, locale),
                messages.getMessage(v.nextStepKey(), null, locale), v.submittedOn(),
                v.acceptedOn(), v.promisedDue(), v.statutoryDue(), v.promisedRemaining(), v.statutoryRemaining(),
                v.dueDatesPublished(), v.notices(), v.refusalReason(), v.refusalRemedies(), v.competentDepartment(),
                v.maskedApplicantName(), v.maskedPhone(), v.timeline(), v.supplementOnline());
    }
}
