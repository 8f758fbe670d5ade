package org.yimen.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.Rejected;
import org.yimen.shared.StaffIdentity;

/** Intake through the API: the same transitions as the clerk's pages, for window terminals and integrations. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "办件: register an application, accept it (also with materials deferred, 容缺),"
        + " issue the one-time notice (一次性告知), take supplied materials, refuse (不予受理); review stages, joint"
        + " review, special procedures, extension, decision and delivery. Intake by window clerks; review by the"
        + " officer acting for each stage's post.")
class CasesApi {

    static final String CLERKS = "hasRole('CLERK')";
    static final String READERS = "hasAnyRole('CLERK', 'REVIEWER', 'DEPT_HEAD', 'HALL_MANAGER', 'SUPERVISOR')";
    /** Who may act in review; the service then checks it is this person's stage, department or headship. */
    static final String OFFICERS = "hasAnyRole('CLERK', 'REVIEWER', 'DEPT_HEAD')";

    /** An application as a window terminal sends it. */
    record IntakeRequest(String itemCode, String hallCode, int windowNumber, Applicant.@Nullable Kind applicantKind,
            @Nullable String applicantName, @Nullable String creditCode,
            IdentityDocument.@Nullable Type documentType, @Nullable String documentNumber, @Nullable String phone,
            @Nullable List<String> materials) {

        Intake toIntake(String idempotencyKey) {
            var applicant = new Applicant(applicantKind, applicantName, creditCode,
                    new IdentityDocument(documentType, documentNumber), phone);
            return new Intake(idempotencyKey, itemCode, hallCode, windowNumber, applicant,
                    materials == null ? List.of() : materials);
        }
    }

    /** The one-time notice: every missing or defective material with its reason; a reason for a second notice. */
    record NoticeRequest(@Nullable List<NoticeLine> items, @Nullable String reason) {

        List<NoticeItem> toItems() {
            return items == null ? List.of()
                    : items.stream().map(i -> new NoticeItem(i.material(), i.problem(), i.reason())).toList();
        }
    }

    /** One material on the notice; checked when the notice is built, so a bad line is named in the answer. */
    record NoticeLine(@Nullable String material, NoticeItem.@Nullable Problem problem, @Nullable String reason) {
    }

    /** 不予受理: NOT_ACCEPTED with reason and remedies, or OUTSIDE_REMIT naming the competent department. */
    record RefusalRequest(Refusal.@Nullable Kind kind, @Nullable String reason, @Nullable String remedies,
            @Nullable Long competentDepartmentId) {
    }

    /** Materials the applicant brought on this visit. */
    record SupplementRequest(@Nullable List<String> materials) {
    }

    /** 容缺受理: the applicant's signed pledge to hand in the deferrable materials still missing. */
    record DeferralRequest(@Nullable String pledge) {
    }

    /** The officer's opinion completing the open review stage. */
    record StageRequest(@Nullable String opinion) {
    }

    /** A consulted department's answer in the joint review: CONSENT, or VETO with its reason. */
    record OpinionRequest(Opinion.@Nullable Answer answer, @Nullable String reason) {
    }

    /** A special procedure that stops the clock, with the reason told to the applicant and its expected length. */
    record PauseRequest(Pause.@Nullable Procedure procedure, @Nullable String reason, @Nullable Integer expectedDays) {
    }

    /** The reason for the one extension, told to the applicant. */
    record ExtensionRequest(@Nullable String reason) {
    }

    /** The decision: APPROVED with the result document's number, or DISAPPROVED with reasons and remedies. */
    record DecisionRequest(Decision.@Nullable Outcome outcome, @Nullable String resultNumber, @Nullable String reason,
            @Nullable String remedies) {
    }

    /** Delivery: WINDOW, POST (tracking number) or ELECTRONIC (licence number or address). */
    record DeliveryRequest(Delivery.@Nullable Method method, @Nullable String reference) {
    }

    /** A case as the API shows it; the applicant's document number and phone only masked. */
    record CaseResponse(long id, String number, String itemCode, int itemVersion, CaseState state, int visits,
            boolean thirdVisit, boolean secondNotice, String applicantName, String documentType,
            String maskedDocumentNumber, String maskedPhone, List<CaseMaterial> materials, List<Notice> notices,
            @Nullable LocalDate acceptedOn, @Nullable LocalDate promisedDue, @Nullable LocalDate statutoryDue,
            @Nullable Boolean dueDatesPublished, @Nullable Refusal refusal, boolean deemedAccepted,
            @Nullable Pledge pledge, List<ReviewStage> stages, List<Opinion> opinions, List<Pause> pauses,
            int excludedDays, @Nullable Extension extension, @Nullable Decision decision,
            @Nullable Delivery delivery, @Nullable LocalDate terminatedOn, List<TimelineEntry> timeline) {

        static CaseResponse of(CaseDetails d) {
            Case c = d.caseFile();
            Clocks k = c.clocks();
            return new CaseResponse(c.id(), c.number(), c.itemCode(), c.itemVersion(), c.state(), c.visits(),
                    c.thirdVisit(), c.secondNotice(), d.applicantName(), d.documentType(),
                    d.maskedDocumentNumber(), d.maskedPhone(), c.materials(), c.notices(),
                    k == null ? null : k.acceptedOn(), k == null ? null : k.promisedDue(),
                    k == null ? null : k.statutoryDue(), k == null ? null : k.published(), c.refusal(),
                    c.deemedAccepted(), c.pledge(), c.stages(), c.opinions(), c.pauses(), c.excludedDays(),
                    c.extension(), c.decision(), c.delivery(), c.terminatedOn(), c.timeline());
        }
    }

    private final Cases cases;

    CasesApi(Cases cases) {
        this.cases = cases;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CLERKS)
    @Operation(summary = "Register an application at a window",
            description = "Judged against the item version in force now. Repeating the request with the same"
                    + " `Idempotency-Key` answers the case the first request created and creates nothing.")
    CaseResponse submit(@Parameter(description = "client-chosen unique key, e.g. a UUID", required = true)
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey,
            @RequestBody IntakeRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw Rejected.invalid("idempotencyKey", "cases.intake.idempotencyKey");
        }
        return show(cases.submit(request.toIntake(idempotencyKey)).id());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A case with its materials, notices, clocks and applicant (masked)")
    CaseResponse get(@PathVariable long id) {
        return show(id);
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize(CLERKS)
    @Operation(summary = "Accept (受理)", description = "All required materials must be in; both clocks start in"
            + " working days after today. Refused with 409 in any state but SUBMITTED.")
    CaseResponse accept(@PathVariable long id) {
        cases.accept(id);
        return show(id);
    }

    @PostMapping("/{id}/notices")
    @PreAuthorize(CLERKS)
    @Operation(summary = "Issue the one-time notice (一次性告知书)",
            description = "Lists every missing required material (MISSING) and any defective one (DEFECTIVE, with"
                    + " a reason). A second notice is refused (409) unless it concerns materials supplied at this"
                    + " visit; then it needs `reason` and is flagged.")
    CaseResponse notice(@PathVariable long id, @RequestBody NoticeRequest request) {
        cases.issueOneTimeNotice(id, request.toItems(),
                request.reason() == null ? "" : request.reason());
        return show(id);
    }

    @PostMapping("/{id}/supplements")
    @PreAuthorize(CLERKS)
    @Operation(summary = "The applicant's next visit with the materials asked for",
            description = "Counts a visit; a case that needed a third visit is flagged.")
    CaseResponse supplement(@PathVariable long id, @RequestBody SupplementRequest request) {
        cases.supplement(id, request.materials() == null ? List.of() : request.materials());
        return show(id);
    }

    @PostMapping("/{id}/refusal")
    @PreAuthorize(CLERKS)
    @Operation(summary = "Refuse (不予受理)", description = "NOT_ACCEPTED needs reason and remedies; OUTSIDE_REMIT"
            + " names the competent department (competentDepartmentId).")
    CaseResponse refuse(@PathVariable long id, @RequestBody RefusalRequest r) {
        cases.refuse(id, new Refusal(r.kind(), r.reason(), r.remedies(), r.competentDepartmentId()));
        return show(id);
    }

    @GetMapping("/work")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "What waits for me (待办)", description = "Open stages I act for now (A/B), my department's"
            + " joint review opinions, and for heads vetoes to acknowledge and extensions to approve; the least"
            + " working days left first.")
    List<WorkItem> work(@AuthenticationPrincipal @Nullable StaffIdentity me) {
        return cases.workFor(officer(me));
    }

    @PostMapping("/{id}/deferred-acceptance")
    @PreAuthorize(CLERKS)
    @Operation(summary = "Accept with materials deferred (容缺受理)", description = "Every missing required material"
            + " must be one the guide lets come later; the applicant's pledge is due in `yimen.cases.pledge-days`"
            + " working days, after which the case is terminated automatically.")
    CaseResponse acceptDeferred(@PathVariable long id, @RequestBody DeferralRequest request) {
        cases.acceptWithDeferral(id, request.pledge() == null ? "" : request.pledge());
        return show(id);
    }

    @PostMapping("/{id}/deferred-materials")
    @PreAuthorize(CLERKS)
    @Operation(summary = "Hand in deferred materials of a 容缺 case")
    CaseResponse supplyDeferred(@PathVariable long id, @RequestBody SupplementRequest request) {
        cases.supplyDeferred(id, request.materials() == null ? List.of() : request.materials());
        return show(id);
    }

    @PostMapping("/{id}/stage")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Complete the open review stage", description = "Only the officer acting for the stage's"
            + " post now (A, or B while A is away) may; 403 otherwise. The last stage is completed by deciding.")
    CaseResponse completeStage(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestBody StageRequest request) {
        cases.completeStage(id, officer(me), request.opinion() == null ? "" : request.opinion());
        return show(id);
    }

    @PostMapping("/{id}/opinion")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Answer the joint review for my department (会审意见)", description = "A veto needs a reason"
            + " and is reported to the head of the case's department, who must acknowledge it before deciding."
            + " Silence past the deadline is taken as consent by the clock sweep, once.")
    CaseResponse opinion(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestBody OpinionRequest request) {
        if (request.answer() == null) {
            throw Rejected.invalid("answer", "cases.opinion.answerInvalid");
        }
        cases.answerOpinion(id, officer(me), request.answer(), request.reason() == null ? "" : request.reason());
        return show(id);
    }

    @PostMapping("/{id}/vetoes/{departmentId}/acknowledgement")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Acknowledge a reported veto (head of the case's department)")
    CaseResponse acknowledgeVeto(@PathVariable long id, @PathVariable long departmentId,
            @AuthenticationPrincipal @Nullable StaffIdentity me) {
        cases.acknowledgeVeto(id, officer(me), departmentId);
        return show(id);
    }

    @PostMapping("/{id}/pauses")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Start a special procedure (特殊程序)", description = "Stops the clock (Art. 45); when it ends"
            + " the working days it took move both due dates.")
    CaseResponse pause(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestBody PauseRequest request) {
        if (request.procedure() == null) {
            throw Rejected.invalid("procedure", "cases.pause.procedureRequired");
        }
        cases.startSpecialProcedure(id, officer(me), request.procedure(),
                request.reason() == null ? "" : request.reason(),
                request.expectedDays() == null ? 0 : request.expectedDays());
        return show(id);
    }

    @PostMapping("/{id}/resumption")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "End the special procedure; the clock runs again")
    CaseResponse resume(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me) {
        cases.resume(id, officer(me));
        return show(id);
    }

    @PostMapping("/{id}/extension")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Request the one extension (延期)", description = "10 working days, 15 for items reviewed"
            + " jointly (Art. 42); a second request is refused with 409.")
    CaseResponse requestExtension(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestBody ExtensionRequest request) {
        cases.requestExtension(id, officer(me), request.reason() == null ? "" : request.reason());
        return show(id);
    }

    @PostMapping("/{id}/extension/approval")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Approve the extension (head of the case's department)")
    CaseResponse approveExtension(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me) {
        cases.approveExtension(id, officer(me));
        return show(id);
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Decide (办结)", description = "At the last stage, by the officer acting for it. Refused"
            + " (409) while a consulted department may still answer, a veto is unacknowledged or deferred"
            + " materials are awaited.")
    CaseResponse decide(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestBody DecisionRequest request) {
        if (request.outcome() == null) {
            throw Rejected.invalid("outcome", "cases.decide.outcomeRequired");
        }
        cases.decide(id, officer(me), request.outcome(), request.resultNumber(), request.reason(),
                request.remedies());
        return show(id);
    }

    @PostMapping("/{id}/delivery")
    @PreAuthorize(OFFICERS)
    @Operation(summary = "Record the delivery of the result (送达)")
    CaseResponse deliver(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestBody DeliveryRequest request) {
        if (request.method() == null) {
            throw Rejected.invalid("method", "cases.deliver.methodRequired");
        }
        cases.deliver(id, officer(me), request.method(), request.reference() == null ? "" : request.reference());
        return show(id);
    }

    static Officer officer(@Nullable StaffIdentity me) {
        if (me == null) {
            throw Rejected.forbidden("cases.notYourDepartment");
        }
        return new Officer(me.staffId(), me.displayName());
    }

    private CaseResponse show(long id) {
        return CaseResponse.of(cases.details(id).orElseThrow(() -> Rejected.notFound("cases.notFound", id)));
    }
}
