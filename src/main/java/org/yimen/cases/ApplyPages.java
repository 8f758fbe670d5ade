package org.yimen.cases;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.notifications.PhoneVerification;
import org.yimen.org.Organisation;
import org.yimen.shared.IdentityDocument;
import org.yimen.shared.Rejected;

/**
 * 网上申请 for citizens without an account: the applicant proves the phone with an SMS code, fills in who they are and
 * uploads the guide's materials (PDF, JPEG, PNG); the case waits for a window to examine it, and its number comes
 * back on the page and by SMS. The form is sent again with what was typed when anything is refused; files are not
 * kept until the application is accepted as a whole.
 */
@Controller
class ApplyPages {

    static final String PURPOSE = "online-application";

    private final Cases cases;
    private final Catalog catalog;
    private final Organisation organisation;
    private final PhoneVerification verification;
    private final CaseRules rules;
    private final CaseFiles files;
    private final MessageSource messages;

    ApplyPages(Cases cases, Catalog catalog, Organisation organisation, PhoneVerification verification,
            CaseRules rules, CaseFiles files, MessageSource messages) {
        this.cases = cases;
        this.catalog = catalog;
        this.organisation = organisation;
        this.verification = verification;
        this.rules = rules;
        this.files = files;
        this.messages = messages;
    }

    @GetMapping("/apply/{code}")
    String form(@PathVariable String code, Model model) {
        model.addAttribute("key", UUID.randomUUID().toString());
        return page(onlineItem(code), model);
    }

    /** Sends the SMS code and shows the form again with what was typed. */
    @PostMapping("/apply/{code}/code")
    String sendCode(@PathVariable String code, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request, Model model) {
        ServiceItem item = onlineItem(code);
        keep(form, model);
        try {
            var issued = verification.issue(form.getFirst("phone"), PURPOSE, request.getRemoteAddr());
            model.addAttribute("codeSent", issued.maskedPhone());
            model.addAttribute("codeMinutes", verification.validFor().toMinutes());
        } catch (Rejected rejected) {
            refuse(rejected, model);
        }
        return page(item, model);
    }

    @PostMapping("/apply/{code}")
    String apply(@PathVariable String code, @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request, Model model) {
        ServiceItem item = onlineItem(code);
        keep(form, model);
        try {
            String phone = form.getFirst("phone");
            var applicant = new Applicant(parse(Applicant.Kind.class, form.getFirst("applicantKind")),
                    form.getFirst("applicantName"), form.getFirst("creditCode"),
                    new IdentityDocument(parse(IdentityDocument.Type.class, form.getFirst("documentType")),
                            form.getFirst("documentNumber")), phone);
            var application = new OnlineApplication(String.valueOf(form.getFirst("key")), item.code(),
                    String.valueOf(form.getFirst("hallCode")), applicant,
                    CaseFiles.fromForm(item.materials().stream().map(ServiceItem.Material::name).toList(), request));
            Case c = cases.applyOnline(application, () -> verification.verify(phone, PURPOSE,
                    form.getFirst("smsCode"), request.getRemoteAddr()));
            model.addAttribute("applied", c.number());
            model.addAttribute("item", item);
            return "cases/applied";
        } catch (Rejected rejected) {
            if (rejected.kind() == Rejected.Kind.NOT_FOUND) {
                throw rejected;
            }
            refuse(rejected, model);
            return page(item, model);
        }
    }

    private String page(ServiceItem item, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("halls", organisation.halls());
        model.addAttribute("applicantKinds", Applicant.Kind.values());
        model.addAttribute("documentTypes", IdentityDocument.Type.values());
        // The page states the limits that apply, so a changed setting cannot leave it promising others.
        model.addAttribute("deemedAcceptanceDays", rules.deemedAcceptanceDays());
        model.addAttribute("maxFileMegabytes", files.maxMegabytes());
        return "cases/apply";
    }

    private ServiceItem onlineItem(String code) {
        return catalog.publishedItem(code).filter(i -> i.channels().contains(ServiceItem.Channel.ONLINE))
                .orElseThrow(() -> Rejected.notFound("cases.online.notOnlineItem", code));
    }

    private void keep(MultiValueMap<String, String> form, Model model) {
        for (String field : List.of("key", "hallCode", "applicantKind", "applicantName", "creditCode", "documentType",
                "documentNumber", "phone")) {
            model.addAttribute(field, form.getFirst(field));
        }
        String key = form.getFirst("key");
        model.addAttribute("key", key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
    }

    private void refuse(Rejected rejected, Model model) {
        model.addAttribute("errorField", rejected.field());
        model.addAttribute("errorMessage", messages.getMessage(rejected, LocaleContextHolder.getLocale()));
    }

    /** The chosen value, or null so that the record it goes into names the missing field. */
    private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String value) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
