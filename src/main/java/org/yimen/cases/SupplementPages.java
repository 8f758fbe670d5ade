package org.yimen.cases;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yimen.notifications.PhoneVerification;
import org.yimen.shared.Rejected;

/**
 * 网上补正 pages: the applicant of an online case types its number and phone, gets an SMS code, and once the code is
 * right sees the latest one-time notice's open materials, each with the notice's reason and its own file input. The
 * proven phone is kept in the session for {@link OnlineSupplements#PROOF_LASTS}; the session id changes when it is
 * proven. Reached from the progress page of an online case waiting for materials.
 */
@Controller
class SupplementPages {

    static final String PROOF = SupplementPages.class.getName() + ".proof";

    private final OnlineSupplements supplements;
    private final PhoneVerification verification;
    private final CaseRules rules;
    private final CaseFiles files;
    private final MessageSource messages;

    SupplementPages(OnlineSupplements supplements, CaseRules rules, CaseFiles files, MessageSource messages,
            PhoneVerification verification) {
        this.supplements = supplements;
        this.verification = verification;
        this.rules = rules;
        this.files = files;
        this.messages = messages;
    }

    /** The upload form while the phone is proven, else the first step with the case number filled in. */
    @GetMapping("/apply/supplement")
    String form(@RequestParam(required = false) @Nullable String caseNumber, HttpSession session, Model model) {
        var proof = proof(session);
        if (proof != null) {
            try {
                return upload(supplements.owed(proof), model);
            } catch (Rejected rejected) {
                session.removeAttribute(PROOF);
                refuse(rejected, model);
            }
        }
        model.addAttribute("caseNumber", ProgressQuery.normalise(caseNumber));
        return "cases/supplement";
    }

    /** Sends the SMS code if the number and phone belong together; the page answers alike either way. */
    @PostMapping("/apply/supplement/code")
    String sendCode(@RequestParam(required = false) @Nullable String caseNumber,
            @RequestParam(required = false) @Nullable String phone, HttpServletRequest request, Model model) {
        keep(caseNumber, phone, model);
        try {
            model.addAttribute("codeSent", supplements.sendCode(caseNumber, phone, request.getRemoteAddr()));
            model.addAttribute("codeMinutes", verification.validFor().toMinutes());
        } catch (Rejected rejected) {
            refuseOnPage(rejected, model);
        }
        return "cases/supplement";
    }

    /** Checks the code; the proven phone goes into the session and the upload form follows. */
    @PostMapping("/apply/supplement/verify")
    String verify(@RequestParam(required = false) @Nullable String caseNumber,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String smsCode, HttpServletRequest request, Model model) {
        keep(caseNumber, phone, model);
        try {
            var proof = supplements.prove(caseNumber, phone, smsCode, request.getRemoteAddr());
            request.getSession(true);
            request.changeSessionId();
            request.getSession().setAttribute(PROOF, proof);
            return "redirect:/apply/supplement";
        } catch (Rejected rejected) {
            refuseOnPage(rejected, model);
            model.addAttribute("codeAsked", true);
            return "cases/supplement";
        }
    }

    /** The files, one input per open material; a refusal shows the form again with the reason next to it. */
    @PostMapping("/apply/supplement")
    String upload(HttpServletRequest request, HttpSession session, Model model) {
        var proof = proof(session);
        if (proof == null) {
            refuse(Rejected.invalid("smsCode", "cases.supplement.proofExpired"), model);
            return "cases/supplement";
        }
        OnlineSupplements.Owed owed;
        try {
            owed = supplements.owed(proof);
        } catch (Rejected rejected) {
            session.removeAttribute(PROOF);
            refuse(rejected, model);
            model.addAttribute("caseNumber", proof.caseNumber());
            return "cases/supplement";
        }
        try {
            Case c = supplements.supplement(proof, CaseFiles.fromForm(
                    owed.items().stream().map(NoticeItem::material).toList(), request));
            session.removeAttribute(PROOF);
            model.addAttribute("supplemented", c.number());
            model.addAttribute("itemName", owed.itemName());
            model.addAttribute("deemedAcceptanceDays", rules.deemedAcceptanceDays());
            return "cases/supplemented";
        } catch (Rejected rejected) {
            refuseOnPage(rejected, model);
            return upload(owed, model);
        }
    }

    private String upload(OnlineSupplements.Owed owed, Model model) {
        model.addAttribute("owed", owed);
        model.addAttribute("maxFileMegabytes", files.maxMegabytes());
        return "cases/supplement";
    }

    private static OnlineSupplements.@Nullable Proof proof(HttpSession session) {
        return session.getAttribute(PROOF) instanceof OnlineSupplements.Proof p ? p : null;
    }

    private static void keep(@Nullable String caseNumber, @Nullable String phone, Model model) {
        model.addAttribute("caseNumber", ProgressQuery.normalise(caseNumber));
        model.addAttribute("phone", phone == null ? "" : phone.strip());
    }

    /** Over the limits the error page with 429; anything else next to its field. */
    private void refuseOnPage(Rejected rejected, Model model) {
        if (rejected.kind() == Rejected.Kind.TOO_MANY_REQUESTS) {
            throw rejected;
        }
        refuse(rejected, model);
    }

    private void refuse(Rejected rejected, Model model) {
        model.addAttribute("errorField", rejected.field());
        model.addAttribute("errorMessage", messages.getMessage(rejected, LocaleContextHolder.getLocale()));
    }
}
