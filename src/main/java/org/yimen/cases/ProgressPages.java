package org.yimen.cases;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yimen.notifications.PhoneVerification;
import org.yimen.shared.Rejected;

/**
 * The citizen's progress page (办件进度查询), without signing in: the receipt's URL {@code /progress/<case number>}
 * opens the form with the number filled in; the digits are posted, so they stay out of addresses and logs.
 */
@Controller
class ProgressPages {

    private final ProgressQuery query;
    private final PhoneVerification verification;

    ProgressPages(ProgressQuery query, PhoneVerification verification) {
        this.query = query;
        this.verification = verification;
    }

    @GetMapping("/progress")
    String form(@RequestParam(required = false) @Nullable String caseNumber, Model model) {
        model.addAttribute("caseNumber", ProgressQuery.normalise(caseNumber));
        return "cases/progress";
    }

    @GetMapping("/progress/{caseNumber}")
    String formFor(@PathVariable String caseNumber, Model model) {
        return form(caseNumber, model);
    }

    /** How long an SMS code holds, as the page says wherever it offers one. */
    @ModelAttribute("codeMinutes")
    long codeMinutes() {
        return verification.validFor().toMinutes();
    }

    /** Sends the SMS code to the case's registered mobile phone; the page answers alike for any number. */
    @PostMapping("/progress/code")
    String sendCode(@RequestParam(required = false) @Nullable String caseNumber, HttpServletRequest request,
            Model model) {
        model.addAttribute("caseNumber", ProgressQuery.normalise(caseNumber));
        try {
            query.sendCode(caseNumber, request.getRemoteAddr());
            model.addAttribute("codeSent", true);
        } catch (Rejected rejected) {
            if (rejected.kind() == Rejected.Kind.TOO_MANY_REQUESTS) {
                throw rejected;
            }
            model.addAttribute("errorCode", rejected.code());
            model.addAttribute("errorField", rejected.field());
        }
        return "cases/progress";
    }

    @PostMapping("/progress/sms")
    String lookupByCode(@RequestParam(required = false) @Nullable String caseNumber,
            @RequestParam(required = false) @Nullable String smsCode, HttpServletRequest request, Model model) {
        model.addAttribute("caseNumber", ProgressQuery.normalise(caseNumber));
        try {
            model.addAttribute("progress", query.lookupByCode(caseNumber, smsCode, request.getRemoteAddr(), "page"));
        } catch (Rejected rejected) {
            if (rejected.kind() == Rejected.Kind.TOO_MANY_REQUESTS) {
                throw rejected;
            }
            model.addAttribute("codeSent", true);
            model.addAttribute("errorCode", rejected.code());
            model.addAttribute("errorField", rejected.field());
        }
        return "cases/progress";
    }

    @PostMapping("/progress")
    String lookup(@RequestParam(required = false) @Nullable String caseNumber,
            @RequestParam(required = false) @Nullable String phoneLast4, HttpServletRequest request, Model model) {
        model.addAttribute("caseNumber", ProgressQuery.normalise(caseNumber));
        try {
            model.addAttribute("progress", query.lookup(caseNumber, phoneLast4, request.getRemoteAddr(), "page"));
        } catch (Rejected rejected) {
            if (rejected.kind() == Rejected.Kind.TOO_MANY_REQUESTS) {
                throw rejected;
            }
            model.addAttribute("errorCode", rejected.code());
            model.addAttribute("errorField", rejected.field());
        }
        return "cases/progress";
    }
}
