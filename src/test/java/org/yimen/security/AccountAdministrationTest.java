package org.yimen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.org.Role;
import org.yimen.org.StaffAccounts;
import org.yimen.support.AuditRecords;
import org.yimen.support.YimenIntegrationTest;

/** The security administrator's work, and the separation that keeps it from the other administrators. */
@YimenIntegrationTest
class AccountAdministrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    private String securityAdmin;
    private Cookie session;
    private String clerk;

    @BeforeEach
    void signInAsSecurityAdministrator() throws Exception {
        securityAdmin = account(Role.SECURITY_ADMIN, "Guard#Accounts1");
        clerk = account(Role.CLERK, "Clerk#Window2026");
        session = mvc.perform(formLogin().user(securityAdmin).password("Guard#Accounts1"))
                .andExpect(redirectedUrl("/home")).andReturn().getResponse().getCookie("SESSION");
    }

    @Test
    void aForgottenPasswordIsReplacedOnlyByOneThePolicyAccepts() throws Exception {
        mvc.perform(post("/security/accounts/{u}/password", clerk).cookie(session).with(csrf())
                        .param("password", "weak").param("confirmation", "weak"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("密码至少需要 10 个字符")));
        long mark = AuditRecords.head(jdbc);
        mvc.perform(post("/security/accounts/{u}/password", clerk).cookie(session).with(csrf())
                        .param("password", "Fresh#Start2026").param("confirmation", "Fresh#Start2026"))
                .andExpect(redirectedUrl("/security/accounts"));
        assertThat(AuditRecords.assertRecorded(jdbc, mark, "security.passwordReset", "account", clerk).actorName())
                .isEqualTo("测试SECURITY_ADMIN");
        mvc.perform(formLogin().user(clerk).password("Fresh#Start2026")).andExpect(redirectedUrl("/home"));
    }

    @Test
    void aLockedAccountIsListedAndUnlocked() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(clerk).password("wrong" + i));
        }
        mvc.perform(get("/security/accounts").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("锁定至")));
        long mark = AuditRecords.head(jdbc);
        mvc.perform(post("/security/accounts/{u}/unlock", clerk).cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/security/accounts"));
        AuditRecords.assertRecorded(jdbc, mark, "security.accountUnlocked", "account", clerk);
        mvc.perform(formLogin().user(clerk).password("Clerk#Window2026")).andExpect(redirectedUrl("/home"));
    }

    @Test
    void rolesAreGrantedWithARecordOfBeforeAndAfterButNeverToOneself() throws Exception {
        long mark = AuditRecords.head(jdbc);
        mvc.perform(post("/security/accounts/{u}/roles", clerk).cookie(session).with(csrf())
                        .param("roles", "CLERK", "REVIEWER"))
                .andExpect(redirectedUrl("/security/accounts"));
        assertThat(accounts.findByUsername(clerk).orElseThrow().roles()).containsExactlyInAnyOrder(Role.CLERK,
                Role.REVIEWER);
        assertThat(AuditRecords.assertRecorded(jdbc, mark, "security.rolesChanged", "account", clerk).detail())
                .contains("\"before\":[\"CLERK\"]").contains("\"after\":[\"CLERK\",\"REVIEWER\"]");

        mvc.perform(post("/security/accounts/{u}/roles", securityAdmin).cookie(session).with(csrf())
                        .param("roles", "ADMIN", "SECURITY_ADMIN", "AUDITOR"))
                .andExpect(status().isBadRequest());
        assertThat(accounts.findByUsername(securityAdmin).orElseThrow().roles()).containsExactly(Role.SECURITY_ADMIN);
    }

    @Test
    void administratorsAndAuditorsCannotManageAccounts() throws Exception {
        mvc.perform(get("/security/accounts").with(user("admin").roles("ADMIN", "HALL_MANAGER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/security/accounts").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isForbidden());
    }

    private String account(Role role, String password) {
        String username = "sec-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createAccount(username, "测试" + role, "S-" + username, encoder.encode(password), Set.of(role));
        return username;
    }
}
