package org.yimen.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.yimen.org.Role;
import org.yimen.org.StaffAccounts;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;

@YimenIntegrationTest
class SignInTest {

    private static final String PASSWORD = "Window#2026a";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    TestClock clock;

    private String username;

    @BeforeEach
    void createClerk() {
        username = "clerk-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createAccount(username, "测试窗口人员", "T-" + username, encoder.encode(PASSWORD), Set.of(Role.CLERK));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void staffSignInWithTheirPasswordAndLandOnTheirHomePage() throws Exception {
        mvc.perform(formLogin().user(username).password(PASSWORD))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/home"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        String wrongPassword = signIn(username, "not-the-password");
        String unknownUser = signIn("nobody-" + username, PASSWORD);
        assertThat(wrongPassword).isEqualTo("/login?error").isEqualTo(unknownUser);
    }

    @Test
    void fiveFailuresLockTheAccountForThirtyMinutesWithoutSayingSo() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(username, "wrong-" + i)).isEqualTo("/login?error");
        }
        // locked: even the right password answers exactly like a wrong one
        assertThat(signIn(username, PASSWORD)).isEqualTo("/login?error");
        clock.advance(Duration.ofMinutes(29));
        assertThat(signIn(username, PASSWORD)).isEqualTo("/login?error");
        clock.advance(Duration.ofMinutes(2));
        assertThat(signIn(username, PASSWORD)).isEqualTo("/home");
    }

    @Test
    void failuresOlderThanFifteenMinutesDoNotCount() throws Exception {
        for (int i = 0; i < 4; i++) {
            signIn(username, "wrong-" + i);
        }
        clock.advance(Duration.ofMinutes(16));
        signIn(username, "wrong-again");
        assertThat(signIn(username, PASSWORD)).isEqualTo("/home");
    }

    @Test
    void theApiAcceptsHttpBasicAndAnswersProblemDetailsWithoutCredentials() throws Exception {
        mvc.perform(get("/api/org/me").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"yimen\""));
        mvc.perform(get("/home").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic(username, PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDownWithATooManyRequestsPage() throws Exception {
        String address = "198.51.100." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 30; i++) {
            assertThat(signInFrom(address, "spray-" + i, "guess").getStatus()).isEqualTo(302);
        }
        assertThat(signInFrom(address, username, PASSWORD).getStatus()).isEqualTo(429);
        // another address is not affected
        assertThat(signIn(username, PASSWORD)).isEqualTo("/home");
    }

    private org.springframework.mock.web.MockHttpServletResponse signInFrom(String address, String user,
            String password) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/login")
                        .param("username", user).param("password", password)
                        .with(org.springframework.security.test.web.servlet.request
                                .SecurityMockMvcRequestPostProcessors.csrf())
                        .with(request -> {
                            request.setRemoteAddr(address);
                            return request;
                        }))
                .andReturn().getResponse();
    }

    private String signIn(String user, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin().user(user).password(password)).andReturn();
        return result.getResponse().getRedirectedUrl();
    }
}
