package org.yimen.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

/** Intake through the API: the same transitions as the clerk's pages, for window terminals and integrations. */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "办件受理: register an application, accept it, issue the one-time notice (一次性告知),"
        + " take supplied materials, refuse (不予受理). Window clerks only.")
class CasesApi {

    static final String CLERKS = "hasRole('CLERK')";
    static final String READERS = "hasAnyRole('CLERK', 'HALL_MANAGER', 'SUPERVISOR')";

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

    /** A case as the API shows it; the applicant's document number and phone only masked. */
    record CaseResponse(long id, String number, String itemCode, int itemVersion, CaseState state, int visits,
            boolean thirdVisit, boolean secondNotice, String applicantName, String documentType,
            String maskedDocumentNumber, String maskedPhone, List<CaseMaterial> materials, List<Notice> notices,
            @Nullable LocalDate acceptedOn, @Nullable LocalDate promisedDue, @Nullable LocalDate statutoryDue,
            @Nullable Boolean dueDatesPublished, @Nullable Refusal refusal) {

        static CaseResponse of(CaseDetails d) {
            Case c = d.caseFile();
            Clocks k = c.clocks();
            return new CaseResponse(c.id(), c.number(), c.itemCode(), c.itemVersion(), c.state(), c.visits(),
                    c.thirdVisit(), c.secondNotice(), d.applicantName(), d.documentType(),
                    d.maskedDocumentNumber(), d.maskedPhone(), c.materials(), c.notices(),
                    k == null ? null : k.acceptedOn(), k == null ? null : k.promisedDue(),
                    k == null ? null : k.statutoryDue(), k == null ? null : k.published(), c.refusal());
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

    private CaseResponse show(long id) {
        return CaseResponse.of(cases.details(id).orElseThrow(() -> Rejected.notFound("cases.notFound", id)));
    }
}
