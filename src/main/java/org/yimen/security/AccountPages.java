package org.yimen.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yimen.audit.AuditTrail;
import org.yimen.org.StaffAccounts;

/** A member of staff's own account: change the password, and confirm it again before a sensitive action. */
@Controller
class AccountPages implements WebMvcConfigurer {

    /** The password change form. */
    record PasswordForm(@NotBlank @Nullable String current, @NotBlank @Size(max = 128) @Nullable String password,
            @NotBlank @Nullable String confirmation) {

        static PasswordForm empty() {
            return new PasswordForm("", "", "");
        }
    }

    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuthenticationManager authentication;
    private final RecentSignIn recent;
    private final AuditTrail audit;

    AccountPages(StaffAccounts accounts, PasswordEncoder encoder, PasswordPolicy policy,
            AuthenticationManager authentication, RecentSignIn recent, AuditTrail audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.authentication = authentication;
        this.recent = recent;
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(recent);
    }

    @GetMapping("/me/password")
    String initChangePassword(Model model) {
        model.addAttribute("form", PasswordForm.empty());
        return "security/password";
    }

    @PostMapping("/me/password")
    String processChangePassword(@Valid @ModelAttribute("form") PasswordForm form, BindingResult result,
            Authentication user, RedirectAttributes redirect) {
        var account = accounts.findByUsername(user.getName()).orElseThrow();
        if (!result.hasFieldErrors("current") && !encoder.matches(form.current(), account.passwordHash())) {
            result.rejectValue("current", "security.password.currentWrong");
        }
        if (!result.hasFieldErrors("password")) {
            policy.check(account.username(), form.password()).forEach(code -> result.rejectValue("password", code));
        }
        if (!result.hasFieldErrors("confirmation") && form.password() != null
                && !form.password().equals(form.confirmation())) {
            result.rejectValue("confirmation", "security.password.confirmationDiffers");
        }
        if (result.hasErrors()) {
            return "security/password";
        }
        accounts.changePasswordHash(account.staffId(), encoder.encode(form.password()));
        audit.record("security.passwordChanged", "account", account.username(), Map.of());
        redirect.addFlashAttribute("flashSuccess", "security.password.changed");
        return "redirect:/home";
    }

    @GetMapping("/reauthenticate")
    String initReauthenticate(@RequestParam(defaultValue = "/home") String next, Model model) {
        model.addAttribute("next", RecentSignIn.safeNext(next));
        return "security/reauthenticate";
    }

    @PostMapping("/reauthenticate")
    String processReauthenticate(@RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "/home") String next, Authentication user, HttpServletRequest request,
            Model model) {
        try {
            authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.getName(), password));
        } catch (AuthenticationException wrong) {
            model.addAttribute("next", RecentSignIn.safeNext(next));
            model.addAttribute("failed", true);
            return "security/reauthenticate";
        }
        recent.mark(request);
        audit.record("security.reauthenticated", "account", user.getName(), Map.of());
        return "redirect:" + RecentSignIn.safeNext(next);
    }
}
