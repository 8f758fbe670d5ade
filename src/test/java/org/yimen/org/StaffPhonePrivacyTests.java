package org.yimen.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yimen.privacy.PersonalData;
import org.yimen.support.AuditRecords;
import org.yimen.support.YimenIntegrationTest;

/**
 * Staff phones as personal data: sealed in the database, masked in every answer, and revealed in full only to
 * administrators and hall managers who say why, with the read in the audit trail.
 */
@YimenIntegrationTest
class StaffPhonePrivacyTests {

    private static final AtomicInteger sequence = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PersonalData personalData;

    @Autowired
    StaffPhoneSealing sealing;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;
    @Autowired
    org.yimen.support.TestClock clock;

    @Test
    void theDatabaseHoldsOnlyTheSealedPhoneAndItsIndex() throws Exception {
        long id = createStaff("13812345678");
        var row = jdbc.sql("select phone, phone_sealed, phone_index from org_staff where id = ?").param(id)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getString(3)}).single();
        assertThat(row[0]).isEqualTo("");
        assertThat(new String((byte[]) row[1], StandardCharsets.ISO_8859_1)).doesNotContain("13812345678")
                .doesNotContain("5678");
        assertThat(personalData.open((byte[]) row[1])).isEqualTo("13812345678");
        assertThat(row[2]).isEqualTo(personalData.index("13812345678"));
        assertThat(jdbc.sql("select count(*) from org_staff where phone like '%1381234567%'"
                + " or phone_index like '%1381234567%'").query(Long.class).single()).isZero();
    }

    @Test
    void demoStaffPhonesAreSealedToo() {
        assertThat(jdbc.sql("select count(*) from org_staff where phone <> ''").query(Long.class).single()).isZero();
        String adminPhone = jdbc.sql("select phone_sealed from org_staff where username = 'admin'")
                .query((rs, n) -> personalData.open(rs.getBytes(1))).single();
        assertThat(adminPhone).matches("139085[0-9]{5}");
    }

    @Test
    void plainPhonesLeftByAnOlderVersionAreSealedOnceAtStartUp() throws Exception {
        long id = createStaff("");
        jdbc.sql("update org_staff set phone = '13911112222', phone_sealed = null, phone_index = null where id = ?")
                .param(id).update();
        mvc.perform(get("/api/org/staff/{id}", id).with(admin()))
                .andExpect(jsonPath("$.maskedPhone").value("139****2222"));

        assertThat(sealing.sealPlainPhones()).isGreaterThanOrEqualTo(1);
        byte[] sealed = jdbc.sql("select phone_sealed from org_staff where id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).single();
        assertThat(personalData.open(sealed)).isEqualTo("13911112222");
        assertThat(jdbc.sql("select phone from org_staff where id = ?").param(id).query(String.class).single())
                .isEmpty();

        sealing.sealPlainPhones();
        assertThat(jdbc.sql("select phone_sealed from org_staff where id = ?").param(id)
                .query((rs, n) -> rs.getBytes(1)).single()).isEqualTo(sealed);
        mvc.perform(get("/api/org/staff/{id}", id).with(admin()))
                .andExpect(jsonPath("$.maskedPhone").value("139****2222"));
    }

    @Test
    void aBlankPhoneOnChangeKeepsTheSealedOneAndANewPhoneIsSealed() throws Exception {
        long id = createStaff("13812345678");
        String username = jdbc.sql("select username from org_staff where id = ?").param(id).query(String.class)
                .single();
        String number = jdbc.sql("select staff_number from org_staff where id = ?").param(id).query(String.class)
                .single();
        mvc.perform(json(put("/api/org/staff/{id}", id), staffJson(username, number, "")).with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.maskedPhone").value("138****5678"));
        mvc.perform(json(put("/api/org/staff/{id}", id), staffJson(username, number, "13700001111")).with(admin()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.maskedPhone").value("137****1111"));
        assertThat(jdbc.sql("select phone_index from org_staff where id = ?").param(id).query(String.class).single())
                .isEqualTo(personalData.index("13700001111"));
    }

    @Test
    void anAdministratorSeesTheFullPhoneForAStatedPurposeAndTheReadIsAudited() throws Exception {
        long id = createStaff("13812345678");
        long mark = AuditRecords.head(jdbc);
        mvc.perform(reveal(id, "{\"purpose\":\"核实联系方式以便通知排班调整\"}").with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value("13812345678"));
        var record = AuditRecords.assertRecorded(jdbc, mark, "privacy.revealed", "staff", id);
        assertThat(record.actorId()).isEqualTo("admin-test");
        assertThat(record.detail()).contains("核实联系方式以便通知排班调整").contains("phone")
                .doesNotContain("13812345678").doesNotContain("5678");
    }

    @Test
    void aHallManagerMayRevealToo() throws Exception {
        long id = createStaff("13812345678");
        mvc.perform(reveal(id, "{\"purpose\":\"紧急联系\"}").with(apiUser("m", "HALL_MANAGER")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.phone").value("13812345678"));
    }

    @Test
    void aClerkIsRefusedAndNothingIsRevealed() throws Exception {
        long id = createStaff("13812345678");
        long mark = AuditRecords.head(jdbc);
        mvc.perform(reveal(id, "{\"purpose\":\"想看看\"}").with(apiUser("c", "CLERK")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("13812345678"))));
        mvc.perform(post("/admin/org/staff/{id}/phone/reveal", id).param("purpose", "想看看")
                        .with(user("c").roles("CLERK")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(AuditRecords.since(jdbc, mark)).noneMatch(r -> r.action().equals("privacy.revealed"));
    }

    @Test
    void aMissingOrTooShortPurposeIsRefusedNamingTheField() throws Exception {
        long id = createStaff("13812345678");
        long mark = AuditRecords.head(jdbc);
        for (String body : new String[] {"{}", "{\"purpose\":\"\"}", "{\"purpose\":\"x\"}",
            "{\"purpose\":\"" + "长".repeat(201) + "\"}"}) {
            mvc.perform(reveal(id, body).with(admin()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("purpose"))
                    .andExpect(content().string(not(containsString("13812345678"))));
        }
        assertThat(AuditRecords.since(jdbc, mark)).noneMatch(r -> r.action().equals("privacy.revealed"));
    }

    @Test
    void revealingForUnknownStaffOrStaffWithoutAPhoneIsNotFound() throws Exception {
        mvc.perform(reveal(987654321L, "{\"purpose\":\"核实\"}").with(admin())).andExpect(status().isNotFound());
        long id = createStaff("");
        mvc.perform(reveal(id, "{\"purpose\":\"核实\"}").with(admin()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("org.staff.noPhone"));
    }

    @Test
    void theStaffPageAsksWhyAndShowsTheNumberInPlace() throws Exception {
        long id = createStaff("13812345678");
        var session = signInAsAdministrator();
        mvc.perform(get("/admin/org").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"phone-reveal-" + id + "\"")))
                .andExpect(content().string(containsString("/admin/org/staff/" + id + "/phone/reveal")))
                .andExpect(content().string(not(containsString("13812345678"))));

        mvc.perform(post("/admin/org/staff/{id}/phone/reveal", id).header("HX-Request", "true").param("purpose", "")
                        .cookie(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("请说明查看目的")))
                .andExpect(content().string(not(containsString("13812345678"))));

        long mark = AuditRecords.head(jdbc);
        mvc.perform(post("/admin/org/staff/{id}/phone/reveal", id).header("HX-Request", "true")
                        .param("purpose", "通知参加培训").cookie(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("13812345678")))
                .andExpect(content().string(containsString("审计日志")))
                .andExpect(content().string(not(containsString("<html"))));
        var record = AuditRecords.assertRecorded(jdbc, mark, "privacy.revealed", "staff", id);
        assertThat(record.detail()).contains("通知参加培训").doesNotContain("13812345678");

        mvc.perform(post("/admin/org/staff/{id}/phone/reveal", id).param("purpose", "Confirm a shift change")
                        .param("lang", "en").cookie(session).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("13812345678")))
                .andExpect(content().string(containsString("audit trail")))
                .andExpect(content().string(not(containsString("??"))));

        // A sign-in older than five minutes must type the password again before seeing a number.
        clock.advance(java.time.Duration.ofMinutes(6));
        mvc.perform(post("/admin/org/staff/{id}/phone/reveal", id).header("HX-Request", "true")
                        .header("Referer", "http://localhost/admin/org").param("purpose", "通知参加培训")
                        .cookie(session).with(csrf()))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Redirect", "/reauthenticate?next=%2Fadmin%2Forg"))
                .andExpect(content().string(not(containsString("13812345678"))));
        // The JSON API on the same old session is refused too, instead of answering the number.
        mvc.perform(reveal(id, "{\"purpose\":\"通知参加培训\"}").cookie(session))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(not(containsString("13812345678"))));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private jakarta.servlet.http.Cookie signInAsAdministrator() throws Exception {
        String username = "reveal-" + sequence.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        accounts.createAccount(username, "查看员", "RV-" + username, encoder.encode("Reveal#Phone2026"),
                java.util.Set.of(Role.ADMIN));
        return mvc.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
                        .formLogin().user(username).password("Reveal#Phone2026"))
                .andReturn().getResponse().getCookie("SESSION");
    }

    // Helpers

    private static RequestPostProcessor admin() {
        return apiUser("admin-test", "ADMIN");
    }

    /** An API client signed in with HTTP Basic, which sends the password with each call. */
    private static RequestPostProcessor apiUser(String name, String role) {
        return request -> {
            request.addHeader("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (name + ":password").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return user(name).roles(role).postProcessRequest(request);
        };
    }

    private static MockHttpServletRequestBuilder reveal(long id, String body) {
        return json(post("/api/org/staff/{id}/phone/reveal", id), body);
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(csrf());
    }

    private long createStaff(String phone) throws Exception {
        String u = "pv" + sequence.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 10_000_000, 36);
        String body = mvc.perform(json(post("/api/org/staff"), staffJson("u" + u, "T" + u, phone)).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(content().string(not(containsString(phone.isEmpty() ? "\u0000" : phone))))
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private static String staffJson(String username, String number, String phone) {
        return """
                {"staffNumber":"%s","name":"隐私测试","departmentId":null,"roles":["CLERK"],"phone":"%s",
                 "username":"%s","active":true}""".formatted(number, phone, username);
    }
}
