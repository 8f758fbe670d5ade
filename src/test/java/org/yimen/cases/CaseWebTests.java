package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** The clerk's intake pages, the printed receipt and notice, and the API with its idempotency key and roles. */
@YimenIntegrationTest
class CaseWebTests {

    private static final JsonMapper json = JsonMapper.builder().build();
    static final RequestPostProcessor CLERK = user("clerk-web").roles("CLERK");
    static final String PHONE = "13908519876";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Catalog catalog;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    List<String> required() {
        return catalog.publishedItem(CaseIntakeIntegrationTests.LAND_USE).orElseThrow().materials().stream()
                .filter(ServiceItem.Material::required).map(ServiceItem.Material::name).toList();
    }

    String body(List<String> materials, String idNumber) {
        return json.writeValueAsString(Map.of("itemCode", CaseIntakeIntegrationTests.LAND_USE, "hallCode", "GZZWFW",
                "windowNumber", 1, "applicantKind", "PERSON", "applicantName", "李四", "documentType",
                "RESIDENT_ID_CARD", "documentNumber", idNumber, "phone", PHONE, "materials", materials));
    }

    long submitByApi(String key, List<String> materials, String idNumber) throws Exception {
        String answer = mvc.perform(post("/api/cases").with(CLERK).with(csrf()).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(materials, idNumber)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.maskedPhone").value(not(containsString(PHONE))))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(answer).get("id").asLong();
    }

    @Test
    void theApiIsIdempotentPerKeyAndShowsTheApplicantMasked() throws Exception {
        String key = UUID.randomUUID().toString();
        String id = CaseIntakeIntegrationTests.idNumber();

        long first = submitByApi(key, required(), id);
        long second = submitByApi(key, required(), id);

        assertThat(second).isEqualTo(first);
        mvc.perform(get("/api/cases/{id}", first).with(CLERK))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("SUBMITTED"))
                .andExpect(content().string(not(containsString(id))));
        mvc.perform(post("/api/cases").with(CLERK).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body(required(), id))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("cases.intake.idempotencyKey"));
    }

    @Test
    void aClerkMayAReviewerMayNotAndAnonymousCallersAreAskedToSignIn() throws Exception {
        String body = body(required(), CaseIntakeIntegrationTests.idNumber());
        mvc.perform(post("/api/cases").with(user("reviewer-web").roles("REVIEWER")).with(csrf())
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
        mvc.perform(post("/api/cases").with(csrf()).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        mvc.perform(get("/cases/new").with(user("reviewer-web").roles("REVIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/cases/new").with(CLERK)).andExpect(status().isOk());
    }

    @Test
    void aSecondNoticeThroughTheApiIsAConflict() throws Exception {
        List<String> all = required();
        long id = submitByApi(UUID.randomUUID().toString(), all.subList(0, 1), CaseIntakeIntegrationTests.idNumber());
        var missing = all.subList(1, all.size()).stream()
                .map(m -> Map.of("material", m, "problem", "MISSING", "reason", "")).toList();
        mvc.perform(post("/api/cases/{id}/notices", id).with(CLERK).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("items", missing))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("WAITING_FOR_MATERIALS"));
        mvc.perform(post("/api/cases/{id}/supplements", id).with(CLERK).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("materials", all.subList(1, all.size())))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.visits").value(2));

        mvc.perform(post("/api/cases/{id}/notices", id).with(CLERK).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of("items",
                        List.of(Map.of("material", all.getFirst(), "problem", "DEFECTIVE", "reason", "不清晰")),
                        "reason", "补充"))))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("cases.notice.onlyOnce"));
    }

    @Test
    void aClerkRegistersAcceptsAndPrintsTheReceiptWithTheDueDatesAndAProgressQrCode() throws Exception {
        clock.set(ZonedDateTime.of(2026, 9, 30, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai")));
        String idNumber = CaseIntakeIntegrationTests.idNumber();
        var form = post("/cases/new").with(CLERK).with(csrf())
                .param("idempotencyKey", UUID.randomUUID().toString())
                .param("itemCode", CaseIntakeIntegrationTests.LAND_USE).param("hallCode", "GZZWFW")
                .param("windowNumber", "1").param("applicantKind", "PERSON").param("applicantName", "王五")
                .param("documentType", "RESIDENT_ID_CARD").param("documentNumber", idNumber).param("phone", PHONE);
        for (String m : required()) {
            form.param("materials", m);
        }
        String location = mvc.perform(form).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/cases/\\d+");

        mvc.perform(get(location).with(CLERK)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString(idNumber))))
                .andExpect(content().string(not(containsString(PHONE))))
                .andExpect(content().string(containsString(PHONE.substring(7))));
        mvc.perform(post(location + "/accept").with(CLERK).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(location + "/receipt").with(CLERK)).andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-10-22")))
                .andExpect(content().string(containsString("/progress/GZZWFW-20260930-")))
                .andExpect(content().string(containsString("/css/print-sheet.css")));
        mvc.perform(post("/api" + location + "/accept").with(CLERK).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("办件当前状态为“已受理”，不能执行“受理”。"));
        mvc.perform(get("/cases").param("state", "ACCEPTED").with(CLERK)).andExpect(status().isOk())
                .andExpect(content().string(containsString(location)));
        mvc.perform(get(location + "/qr.png").with(CLERK)).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG));
    }

    @Test
    void theIntakeFormListsTheGuidesMaterialsAndNamesTheFieldAtFault() throws Exception {
        var page = mvc.perform(get("/cases/new").param("item", CaseIntakeIntegrationTests.LAND_USE)
                .param("hall", "GZZWFW").with(CLERK)).andExpect(status().isOk());
        for (String m : required()) {
            page.andExpect(content().string(containsString(m)));
        }

        mvc.perform(post("/cases/new").with(CLERK).with(csrf())
                        .param("idempotencyKey", UUID.randomUUID().toString())
                        .param("itemCode", CaseIntakeIntegrationTests.LAND_USE).param("hallCode", "GZZWFW")
                        .param("windowNumber", "1").param("applicantKind", "PERSON").param("applicantName", "赵六")
                        .param("documentType", "RESIDENT_ID_CARD").param("documentNumber", "520102199001011234")
                        .param("phone", PHONE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("documentNumber-error")));
    }

    @Test
    void anIncompleteApplicationGetsAPrintableNoticeListingEveryMissingMaterial() throws Exception {
        List<String> all = required();
        long id = submitByApi(UUID.randomUUID().toString(), all.subList(0, 1), CaseIntakeIntegrationTests.idNumber());

        mvc.perform(post("/cases/{id}/notice", id).with(CLERK).with(csrf()).param("reason_0", "复印件不清晰"))
                .andExpect(status().is3xxRedirection());

        var page = mvc.perform(get("/cases/{id}/notices/1", id).with(CLERK)).andExpect(status().isOk());
        for (String m : all) {
            page.andExpect(content().string(containsString(m)));
        }
        page.andExpect(content().string(containsString("复印件不清晰")));
        assertThat(jdbc.sql("select count(*) from case_notice_item i join case_notice n on n.id = i.notice_id"
                + " where n.case_id = ?").param(id).query(Integer.class).single()).isEqualTo(all.size());
    }
}
