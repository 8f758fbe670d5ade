package org.yimen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.org.Role;
import org.yimen.org.StaffAccounts;
import org.yimen.support.AuditRecords;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

@YimenIntegrationTest
class AccountPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void staffChangeTheirPasswordOnlyWithTheCurrentOneAndAPasswordThePolicyAccepts() throws Exception {
        String username = account(Role.CLERK, "Old#Password1");
        var session = signIn(username, "Old#Password1");

        mvc.perform(post("/me/password").cookie(session).with(csrf()).param("current", "wrong")
                        .param("password", "short").param("confirmation", "other"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("当前密码不正确")))
                .andExpect(content().string(containsString("密码至少需要 10 个字符")))
                .andExpect(content().string(containsString("两次输入的新密码不一致")));

        long mark = AuditRecords.head(jdbc);
        mvc.perform(post("/me/password").cookie(session).with(csrf()).param("current", "Old#Password1")
                        .param("password", "New#Password2").param("confirmation", "New#Password2"))
                .andExpect(redirectedUrl("/home"));
        AuditRecords.assertRecorded(jdbc, mark, "security.passwordChanged", "account", username);
        assertThat(signInResult(username, "Old#Password1")).isEqualTo("/login?error");
        assertThat(signInResult(username, "New#Password2")).isEqualTo("/home");
    }

    @Test
    void aSensitiveActionAsksForThePasswordAgainAfterFiveMinutes() throws Exception {
        String username = account(Role.AUDITOR, "Audit#Trail2026");
        var session = signIn(username, "Audit#Trail2026");
        mvc.perform(get("/audit/export").cookie(session)).andExpect(status().isOk());

        clock.advance(Duration.ofMinutes(6));
        mvc.perform(get("/audit/export?actor=x").cookie(session))
                .andExpect(redirectedUrl("/reauthenticate?next=%2Faudit%2Fexport%3Factor%3Dx"));

        mvc.perform(post("/reauthenticate").cookie(session).with(csrf()).param("password", "wrong")
                        .param("next", "/audit/export?actor=x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名或密码不正确")));
        mvc.perform(post("/reauthenticate").cookie(session).with(csrf()).param("password", "Audit#Trail2026")
                        .param("next", "/audit/export?actor=x"))
                .andExpect(redirectedUrl("/audit/export?actor=x"));
        mvc.perform(get("/audit/export?actor=x").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void theConfirmationNeverSendsAPersonToAnotherSite() throws Exception {
        String username = account(Role.CLERK, "Clerk#Window2026");
        var session = signIn(username, "Clerk#Window2026");
        mvc.perform(post("/reauthenticate").cookie(session).with(csrf()).param("password", "Clerk#Window2026")
                        .param("next", "//evil.example/phish"))
                .andExpect(redirectedUrl("/home"));
    }

    private String account(Role role, String password) {
        String username = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createAccount(username, "测试" + role, "A-" + username, encoder.encode(password), Set.of(role));
        return username;
    }

    /** Signs in and returns the session cookie (sessions live in PostgreSQL, found by their cookie). */
    private Cookie signIn(String username, String password) throws Exception {
        var result = mvc.perform(formLogin().user(username).password(password))
                .andExpect(redirectedUrl("/home")).andReturn();
        return result.getResponse().getCookie("SESSION");
    }

    private String signInResult(String username, String password) throws Exception {
        return mvc.perform(formLogin().user(username).password(password)).andReturn().getResponse()
                .getRedirectedUrl();
    }
}
