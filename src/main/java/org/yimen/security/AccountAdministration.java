package org.yimen.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yimen.audit.AuditTrail;
import org.yimen.org.Role;
import org.yimen.org.StaffAccount;
import org.yimen.org.StaffAccounts;
import org.yimen.shared.Rejected;
import org.yimen.shared.SensitiveAction;

/**
 * 安全管理员: accounts, passwords, locks and roles, kept apart from running the hall (ADMIN) and from reading the
 * trail (AUDITOR). Setting a password and changing roles need a recently typed password; nobody changes their own
 * roles; every action is recorded.
 */
@Controller
@RequestMapping("/security/accounts")
@PreAuthorize("hasRole('SECURITY_ADMIN')")
class AccountAdministration {

    /** A password set by the security administrator for someone who forgot theirs. */
    record NewPasswordForm(@NotBlank @Size(max = 128) @Nullable String password,
            @NotBlank @Nullable String confirmation) {
    }

    private final StaffAccounts accounts;
    private final LoginThrottle throttle;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditTrail audit;
    private final ZoneId zone;

    AccountAdministration(StaffAccounts accounts, LoginThrottle throttle, PasswordEncoder encoder,
            PasswordPolicy policy, AuditTrail audit, java.time.Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.zone = clock.getZone();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("locks", throttle.locks());
        model.addAttribute("zone", zone);
        return "security/accounts";
    }

    @GetMapping("/{username}")
    @SensitiveAction
    String initEdit(@PathVariable String username, Model model) {
        model.addAttribute("form", new NewPasswordForm("", ""));
        return edit(account(username), model);
    }

    @PostMapping("/{username}/password")
    @SensitiveAction
    @Transactional
    String processSetPassword(@PathVariable String username, @Valid @ModelAttribute("form") NewPasswordForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        var account = account(username);
        if (!result.hasFieldErrors("password")) {
            policy.check(account.username(), form.password()).forEach(code -> result.rejectValue("password", code));
        }
        if (!result.hasFieldErrors("confirmation") && form.password() != null
                && !form.password().equals(form.confirmation())) {
            result.rejectValue("confirmation", "security.password.confirmationDiffers");
        }
        if (result.hasErrors()) {
            return edit(account, model);
        }
        accounts.changePasswordHash(account.staffId(), encoder.encode(form.password()));
        throttle.unlock(account.username());
        audit.record("security.passwordReset", "account", account.username(), Map.of());
        redirect.addFlashAttribute("flashSuccess", "security.accounts.passwordSet");
        return "redirect:/security/accounts";
    }

    @PostMapping("/{username}/roles")
    @SensitiveAction
    @Transactional
    String processChangeRoles(@PathVariable String username,
            @RequestParam(name = "roles", required = false) @Nullable Set<Role> roles, Authentication me,
            RedirectAttributes redirect) {
        var account = account(username);
        if (account.username().equals(me.getName())) {
            throw Rejected.invalid("roles", "security.accounts.ownRoles");
        }
        Set<Role> granted = roles == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        accounts.changeRoles(account.staffId(), granted);
        audit.record("security.rolesChanged", "account", account.username(),
                Map.of("before", account.roles().stream().map(Role::name).sorted().toList(),
                        "after", granted.stream().map(Role::name).sorted().toList()));
        redirect.addFlashAttribute("flashSuccess", "security.accounts.rolesChanged");
        return "redirect:/security/accounts";
    }

    @PostMapping("/{username}/unlock")
    @Transactional
    String processUnlock(@PathVariable String username, RedirectAttributes redirect) {
        var account = account(username);
        throttle.unlock(account.username());
        audit.record("security.accountUnlocked", "account", account.username(), Map.of());
        redirect.addFlashAttribute("flashSuccess", "security.accounts.unlocked");
        return "redirect:/security/accounts";
    }

    private String edit(StaffAccount account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("allRoles", Role.values());
        return "security/account";
    }

    private StaffAccount account(String username) {
        return accounts.findByUsername(username)
                .orElseThrow(() -> Rejected.notFound("security.accounts.notFound", username));
    }
}
