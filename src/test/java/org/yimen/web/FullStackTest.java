package org.yimen.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.yimen.org.Role;
import org.yimen.org.StaffAccounts;
import org.yimen.support.YimenIntegrationTest;

/** Over real HTTP against the running server: sign in through the form, then read a page as that person. */
@YimenIntegrationTest
class FullStackTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aManagerSignsInAndSeesTheirHomePageInChinese() throws Exception {
        accounts.createAccount("fullstack-manager", "王大厅", "FS-0001", encoder.encode("Hall@Manager1"),
                Set.of(Role.HALL_MANAGER));

        var loginPage = http.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.statusCode()).isEqualTo(200);
        var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
        assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();

        var signIn = http.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=fullstack-manager&password="
                        + URLEncoder.encode("Hall@Manager1", StandardCharsets.UTF_8) + "&_csrf=" + token.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/home"));

        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'fullstack-manager'")
                .query(Integer.class).single()).as("the session lives in PostgreSQL, for every node").isEqualTo(1);

        var home = http.send(get("/home"), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("欢迎，王大厅").contains("大厅管理员").contains("组织机构");
    }

    @Test
    void theEmbeddedDatabaseIsPostgreSql17() {
        assertThat(jdbc.sql("show server_version").query(String.class).single()).startsWith("17.");
    }

    @Test
    void anUnknownPageIsA404PageAndAnUnknownApiPathAProblemDetail() throws Exception {
        var page = http.send(HttpRequest.newBuilder(uri("/no-such-page")).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isIn(302, 404);

        var api = http.send(HttpRequest.newBuilder(uri("/api/calendar/no/such/thing"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"status\":404").doesNotContain("Exception");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
