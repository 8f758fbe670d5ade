package org.yimen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yimen.org.Role;
import org.yimen.org.StaffAccounts;
import org.yimen.support.YimenIntegrationTest;
import org.yimen.support.browser.Browser;
import org.yimen.support.browser.SignInPage;

@YimenIntegrationTest
class SignInBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void anAdministratorSignsInInChromiumAndSeesTheAdministrationMenu() throws Exception {
        accounts.createAccount("browser-admin", "李管理", "BR-0001", encoder.encode("Admin#Browser1"),
                Set.of(Role.ADMIN));
        try (var browser = Browser.open(port)) {
            var home = SignInPage.open(browser).signInAs("browser-admin", "Admin#Browser1");

            assertThat(home.heading()).isEqualTo("欢迎，李管理");
            assertThat(home.menu()).contains("组织机构", "工作日历");
            assertThat(home.cardTitles()).contains("组织机构", "工作日历", "接口文档");
            var screenshot = browser.screenshot("home-admin");
            assertThat(Files.size(screenshot)).isGreaterThan(10_000);
        }
    }

    @Test
    void aWrongPasswordKeepsThePersonOnTheSignInPageWithAPlainMessage() {
        try (var browser = Browser.open(port)) {
            var page = SignInPage.open(browser).signInExpectingRefusal("browser-nobody", "wrong");
            assertThat(page.alert()).isEqualTo("用户名或密码不正确。");
            assertThat(browser.driver().getCurrentUrl()).endsWith("/login?error");
            browser.screenshot("login-error");
        }
    }
}
