package org.yimen.cases;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.org.Department;
import org.yimen.org.Organisation;
import org.yimen.shared.FormRefusals;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.QrCodes;
import org.yimen.shared.Rejected;
import org.yimen.shared.StaffIdentity;

/**
 * The clerk's intake: choose a published item, record the applicant and tick the guide's materials; then on the case
 * page accept, issue the one-time notice, take the supplied materials or refuse; print the acceptance receipt (受理回执)
 * and the one-time notice (一次性告知书) on A4.
 */
@Controller
class CasePages {

    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Cases cases;
    private final Catalog catalog;
    private final Organisation organisation;
    private final MessageSource messages;
    private final Clock clock;
    private final String defaultHall;

    private final JdbcCases store;
    private final Timelines timelines;
    private final CaseFiles files;
    private final org.yimen.audit.AuditTrail audit;

    CasePages(Cases cases, JdbcCases store, Timelines timelines, CaseFiles files, org.yimen.audit.AuditTrail audit, Catalog catalog, Organisation organisation, MessageSource messages, Clock clock,
            @Value("${yimen.cases.default-hall-code:}") String defaultHall) {
        this.cases = cases;
        this.store = store;
        this.timelines = timelines;
        this.files = files;
        this.audit = audit;
        this.catalog = catalog;
        this.organisation = organisation;
        this.messages = messages;
        this.clock = clock;
        this.defaultHall = defaultHall;
    }

    /** The latest cases, newest first, to find one again; flags show a second notice or a third visit. */
    @GetMapping("/cases")
    @PreAuthorize(CasesApi.READERS)
    String list(@RequestParam(required = false) @Nullable CaseState state,
            @RequestParam(required = false) JdbcCases.@Nullable Flag flag, Model model) {
        var rows = store.recent(state, flag, java.time.LocalDate.now(clock), 100);
        model.addAttribute("rows", rows);
        model.addAttribute("remaining", rows.stream().filter(r -> r.promisedDue() != null
                && (r.state() == CaseState.ACCEPTED || r.state() == CaseState.PAUSED))
                .collect(Collectors.toMap(JdbcCases.Row::id, r -> cases.remaining(r.promisedDue()))));
        model.addAttribute("state", state);
        model.addAttribute("states", CaseState.values());
        model.addAttribute("flag", flag);
        model.addAttribute("flags", JdbcCases.Flag.values());
        return "cases/list";
    }

    @GetMapping("/cases/new")
    @PreAuthorize(CasesApi.CLERKS)
    String initIntake(@RequestParam(required = false) @Nullable String item,
            @RequestParam(required = false) @Nullable String hall, Model model) {
        ServiceItem chosen = item == null || item.isBlank() ? null : catalog.publishedItem(item.strip())
                .orElseThrow(() -> Rejected.notFound("cases.intake.itemNotPublished", item));
        model.addAttribute("form", IntakeForm.empty(chosen == null ? "" : chosen.code(),
                hall == null ? defaultHall : hall));
        return intakeForm(model, chosen);
    }

    @PostMapping("/cases/new")
    @PreAuthorize(CasesApi.CLERKS)
    String processIntake(@ModelAttribute("form") IntakeForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        ServiceItem item = form.itemCode() == null ? null : catalog.publishedItem(form.itemCode()).orElse(null);
        if (!result.hasErrors()) {
            try {
                Case c = cases.submit(form.toIntake());
                redirect.addFlashAttribute("flashSuccess", "cases.flash.submitted");
                return "redirect:/cases/" + c.id();
            } catch (Rejected rejected) {
                if (rejected.kind() == Rejected.Kind.NOT_FOUND) {
                    throw rejected;
                }
                // The idempotency key is a hidden field: its refusal goes above the form.
                String field = "idempotencyKey".equals(rejected.field()) ? null : rejected.field();
                FormRefusals.show(result, field, rejected.code(), rejected.arguments());
            }
        }
        return intakeForm(model, item);
    }

    private String intakeForm(Model model, @Nullable ServiceItem item) {
        model.addAttribute("item", item);
        model.addAttribute("items", item == null ? catalog.search("", null, null) : List.of());
        model.addAttribute("documentTypes", IdentityDocument.Type.values());
        model.addAttribute("applicantKinds", Applicant.Kind.values());
        return "cases/intake";
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize(CasesApi.READERS)
    String show(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me, Model model) {
        CaseDetails details = details(id);
        addCase(model, details);
        model.addAttribute("can", me == null ? new Cases.Abilities(false, false, false, false, false)
                : cases.abilities(details.caseFile(), officer(me)));
        model.addAttribute("departments", organisation.departments());
        model.addAttribute("refusalKinds", Refusal.Kind.values());
        model.addAttribute("procedures", Pause.Procedure.values());
        model.addAttribute("outcomes", Decision.Outcome.values());
        model.addAttribute("deliveryMethods", Delivery.Method.values());
        model.addAttribute("timeline", timelines.forStaff(details.caseFile(), LocaleContextHolder.getLocale()));
        model.addAttribute("files", files.list(id));
        return "cases/case";
    }

    @PostMapping("/cases/{id}/accept")
    @PreAuthorize(CasesApi.CLERKS)
    String accept(@PathVariable long id, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.accepted", () -> cases.accept(id));
    }

    /**
     * Every required material not received is listed as missing; a received material with a reason typed beside it
     * is listed as defective. {@code reason_<position>} carries the reason per material.
     */
    @PostMapping("/cases/{id}/notice")
    @PreAuthorize(CasesApi.CLERKS)
    String notice(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.noticeIssued", () -> {
            Case c = cases.find(id).orElseThrow(() -> Rejected.notFound("cases.notFound", id));
            List<NoticeItem> items = new ArrayList<>();
            for (CaseMaterial m : c.materials()) {
                String reason = params.getFirst("reason_" + m.position());
                reason = reason == null ? "" : reason.strip();
                if (!m.received() && m.required()) {
                    items.add(new NoticeItem(m.name(), NoticeItem.Problem.MISSING, reason));
                } else if (!reason.isEmpty()) {
                    items.add(new NoticeItem(m.name(), m.received() ? NoticeItem.Problem.DEFECTIVE
                            : NoticeItem.Problem.MISSING, reason));
                }
            }
            String why = params.getFirst("noticeReason");
            cases.issueOneTimeNotice(id, items, why == null ? "" : why);
        });
    }

    @PostMapping("/cases/{id}/supplement")
    @PreAuthorize(CasesApi.CLERKS)
    String supplement(@PathVariable long id, @RequestParam(name = "materials", required = false)
            @Nullable List<String> materials, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.supplemented",
                () -> cases.supplement(id, materials == null ? List.of() : materials));
    }

    @PostMapping("/cases/{id}/refuse")
    @PreAuthorize(CasesApi.CLERKS)
    String refuse(@PathVariable long id, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String remedies,
            @RequestParam(required = false) @Nullable Long competentDepartmentId, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.refused", () -> {
            Refusal.Kind refusalKind;
            try {
                refusalKind = Refusal.Kind.valueOf(kind == null ? "" : kind);
            } catch (IllegalArgumentException e) {
                throw Rejected.invalid("kind", "cases.refusal.kindRequired");
            }
            cases.refuse(id, new Refusal(refusalKind, reason, remedies, competentDepartmentId));
        });
    }

    /** What waits for the signed-in officer, the least time left first. */
    @GetMapping("/cases/work")
    @PreAuthorize(CasesApi.OFFICERS)
    String work(@AuthenticationPrincipal @Nullable StaffIdentity me, Model model) {
        model.addAttribute("items", cases.workFor(officer(me)));
        return "cases/work";
    }

    @PostMapping("/cases/{id}/accept-deferred")
    @PreAuthorize(CasesApi.CLERKS)
    String acceptDeferred(@PathVariable long id, @RequestParam(required = false) @Nullable String pledge,
            RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.acceptedDeferred",
                () -> cases.acceptWithDeferral(id, pledge == null ? "" : pledge));
    }

    @PostMapping("/cases/{id}/deferred")
    @PreAuthorize(CasesApi.CLERKS)
    String supplyDeferred(@PathVariable long id, @RequestParam(name = "materials", required = false)
            @Nullable List<String> materials, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.deferredSupplied",
                () -> cases.supplyDeferred(id, materials == null ? List.of() : materials));
    }

    @PostMapping("/cases/{id}/stage")
    @PreAuthorize(CasesApi.OFFICERS)
    String completeStage(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestParam(required = false) @Nullable String opinion, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.stageCompleted",
                () -> cases.completeStage(id, officer(me), opinion == null ? "" : opinion));
    }

    @PostMapping("/cases/{id}/opinion")
    @PreAuthorize(CasesApi.OFFICERS)
    String opinion(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestParam(required = false) @Nullable String answer,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.opinionGiven", () -> cases.answerOpinion(id, officer(me),
                parse(Opinion.Answer.class, answer, "answer", "cases.opinion.answerInvalid"),
                reason == null ? "" : reason));
    }

    @PostMapping("/cases/{id}/vetoes/{department}/acknowledge")
    @PreAuthorize(CasesApi.OFFICERS)
    String acknowledgeVeto(@PathVariable long id, @PathVariable long department,
            @AuthenticationPrincipal @Nullable StaffIdentity me, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.vetoAcknowledged",
                () -> cases.acknowledgeVeto(id, officer(me), department));
    }

    @PostMapping("/cases/{id}/pause")
    @PreAuthorize(CasesApi.OFFICERS)
    String pause(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestParam(required = false) @Nullable String procedure,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable Integer expectedDays, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.paused", () -> cases.startSpecialProcedure(id, officer(me),
                parse(Pause.Procedure.class, procedure, "procedure", "cases.pause.procedureRequired"),
                reason == null ? "" : reason, expectedDays == null ? 0 : expectedDays));
    }

    @PostMapping("/cases/{id}/resume")
    @PreAuthorize(CasesApi.OFFICERS)
    String resume(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.resumed", () -> cases.resume(id, officer(me)));
    }

    @PostMapping("/cases/{id}/extension")
    @PreAuthorize(CasesApi.OFFICERS)
    String requestExtension(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.extensionRequested",
                () -> cases.requestExtension(id, officer(me), reason == null ? "" : reason));
    }

    @PostMapping("/cases/{id}/extension/approve")
    @PreAuthorize(CasesApi.OFFICERS)
    String approveExtension(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.extensionApproved", () -> cases.approveExtension(id, officer(me)));
    }

    @PostMapping("/cases/{id}/decision")
    @PreAuthorize(CasesApi.OFFICERS)
    String decide(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable String resultNumber,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String remedies, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.decided", () -> cases.decide(id, officer(me),
                parse(Decision.Outcome.class, outcome, "outcome", "cases.decide.outcomeRequired"),
                resultNumber, reason, remedies));
    }

    @PostMapping("/cases/{id}/delivery")
    @PreAuthorize(CasesApi.OFFICERS)
    String deliver(@PathVariable long id, @AuthenticationPrincipal @Nullable StaffIdentity me,
            @RequestParam(required = false) @Nullable String method,
            @RequestParam(required = false) @Nullable String reference, RedirectAttributes redirect) {
        return attempt(id, redirect, "cases.flash.delivered", () -> cases.deliver(id, officer(me),
                parse(Delivery.Method.class, method, "method", "cases.deliver.methodRequired"),
                reference == null ? "" : reference));
    }

    /** An uploaded material, for the officers examining the case; each opening is audited. */
    @GetMapping("/cases/{id}/files/{fileId}")
    @PreAuthorize(CasesApi.READERS)
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        Case c = cases.find(id).orElseThrow(() -> Rejected.notFound("cases.notFound", id));
        var stored = files.list(id).stream().filter(f -> f.id() == fileId).findFirst()
                .orElseThrow(() -> Rejected.notFound("cases.upload.notFound", fileId));
        byte[] content = files.read(id, fileId).orElseThrow(() -> Rejected.notFound("cases.upload.notFound", fileId));
        audit.record("cases.audit.fileOpened", Cases.TARGET, c.number(), Map.of("file", stored.fileName(),
                "material", stored.material()));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(stored.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("Content-Disposition", org.springframework.http.ContentDisposition.inline()
                        .filename(stored.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    /** The printed documents after acceptance: special procedure, extension, decision and delivery receipt. */
    @GetMapping("/cases/{id}/documents/{kind}")
    @PreAuthorize(CasesApi.READERS)
    String document(@PathVariable long id, @PathVariable String kind, Model model) {
        CaseDetails details = details(id);
        Case c = details.caseFile();
        boolean exists = switch (kind) {
            case "pause" -> !c.pauses().isEmpty();
            case "extension" -> c.extension() != null && c.extension().approved();
            case "decision" -> c.decision() != null;
            case "delivery" -> c.delivery() != null;
            case "refusal" -> c.refusal() != null;
            default -> false;
        };
        if (!exists) {
            throw Rejected.notFound("cases.document.notFound", kind);
        }
        addCase(model, details);
        model.addAttribute("kind", kind);
        model.addAttribute("pause", c.pauses().isEmpty() ? null : c.pauses().getLast());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("printedAt", LocalDateTime.now(clock).format(PRINTED));
        return "cases/document";
    }

    static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String field, String code) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw Rejected.invalid(field, code);
        }
    }

    private static Officer officer(@Nullable StaffIdentity me) {
        return CasesApi.officer(me);
    }

    @GetMapping("/cases/{id}/receipt")
    @PreAuthorize(CasesApi.READERS)
    String receipt(@PathVariable long id, Model model) {
        CaseDetails details = details(id);
        if (details.caseFile().clocks() == null) {
            throw Rejected.notFound("cases.receipt.notAccepted", details.caseFile().number());
        }
        addCase(model, details);
        model.addAttribute("printedAt", LocalDateTime.now(clock).format(PRINTED));
        return "cases/receipt";
    }

    @GetMapping("/cases/{id}/notices/{number}")
    @PreAuthorize(CasesApi.READERS)
    String printNotice(@PathVariable long id, @PathVariable int number, Model model) {
        CaseDetails details = details(id);
        Notice notice = details.caseFile().notices().stream().filter(n -> n.number() == number).findFirst()
                .orElseThrow(() -> Rejected.notFound("cases.notice.notFound", number));
        addCase(model, details);
        model.addAttribute("notice", notice);
        model.addAttribute("printedAt", LocalDateTime.now(clock).format(PRINTED));
        return "cases/notice";
    }

    @GetMapping(value = "/cases/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize(CasesApi.READERS)
    ResponseEntity<byte[]> qr(@PathVariable long id) {
        CaseDetails details = details(id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache())
                .body(QrCodes.png(progressUrl(details.caseFile()), 240));
    }

    private CaseDetails details(long id) {
        return cases.details(id).orElseThrow(() -> Rejected.notFound("cases.notFound", id));
    }

    private void addCase(Model model, CaseDetails details) {
        Case c = details.caseFile();
        Map<Long, Department> departments = organisation.departments().stream()
                .collect(Collectors.toMap(Department::id, Function.identity()));
        model.addAttribute("details", details);
        model.addAttribute("c", c);
        model.addAttribute("item", cases.version(c));
        model.addAttribute("department", departments.get(c.departmentId()));
        model.addAttribute("competent", c.refusal() == null || c.refusal().competentDepartmentId() == null ? null
                : departments.get(c.refusal().competentDepartmentId()));
        model.addAttribute("hall", organisation.hall(details.hallId()).orElse(null));
        model.addAttribute("window", details.windowId() == null ? null
                : organisation.window(details.windowId()).orElse(null));
        model.addAttribute("progressUrl", progressUrl(c));
        model.addAttribute("departmentNames", departments.values().stream()
                .collect(Collectors.toMap(Department::id, Department::name)));
        model.addAttribute("promisedRemaining", c.clocks() == null ? null : cases.remaining(c.clocks().promisedDue()));
    }

    /** Where the applicant follows the case: the public progress page with the case number filled in. */
    private static String progressUrl(Case c) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/progress/{number}")
                .buildAndExpand(c.number()).encode().toUriString();
    }

    private String attempt(long id, RedirectAttributes redirect, String success, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flashSuccess", success);
        } catch (Rejected rejected) {
            if (rejected.kind() == Rejected.Kind.NOT_FOUND) {
                throw rejected;
            }
            redirect.addFlashAttribute("actionError", messages.getMessage(rejected, LocaleContextHolder.getLocale()));
        }
        return "redirect:/cases/" + id;
    }
}
