package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.yimen.calendar.WorkingDays;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.org.Organisation;
import org.yimen.shared.IdentityDocument;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one extension (延期, 行政许可法 Art. 42) as a case gets it: as long as the item's guide says where a law sets its
 * own, else the statutory one from the settings, and always counted in working days of the calendar.
 */
@YimenIntegrationTest
class CaseExtensionTests {

    /** A housing item of the demo catalog whose guide sets no extension of its own. */
    static final String ORDINARY = "ZJT-XK-002";
    /** The demo hall's comprehensive window (综合受理), which takes every department's items. */
    static final int COMPREHENSIVE_WINDOW = 15;
    private static final AtomicInteger sequence = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Cases cases;
    @Autowired
    Catalog catalog;
    @Autowired
    Organisation organisation;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void anItemWithItsOwnExtensionGetsThatManyWorkingDaysOnApproval() throws Exception {
        String code = publishedItemWithExtension(25);
        // Accepted before the National Day holidays, so the extension runs across them.
        Case accepted = acceptedOn(code, ZonedDateTime.of(2026, 9, 14, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        Clocks before = accepted.clocks();

        Case extended = extend(accepted);

        assertThat(extended.extension().days()).isEqualTo(25);
        assertThat(extended.clocks().promisedDue())
                .isEqualTo(workingDays.addWorkingDays(before.promisedDue(), 25))
                .isNotEqualTo(before.promisedDue().plusDays(25));
        assertThat(extended.clocks().statutoryDue())
                .isEqualTo(workingDays.addWorkingDays(before.statutoryDue(), 25));
    }

    @Test
    void anItemWithoutItsOwnExtensionGetsTheSettingsDefault() {
        assertThat(catalog.publishedItem(ORDINARY).orElseThrow().extensionDays()).isNull();
        Case accepted = acceptedOn(ORDINARY, ZonedDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        Clocks before = accepted.clocks();

        Case extended = extend(accepted);

        assertThat(extended.extension().days()).isEqualTo(10);
        assertThat(extended.clocks().statutoryDue())
                .isEqualTo(workingDays.addWorkingDays(before.statutoryDue(), 10));
    }

    private Case extend(Case accepted) {
        var stage = accepted.currentStage().orElseThrow();
        assertThat(stage.jointReview()).isFalse();
        var reviewer = new Officer(stage.officerId(), stage.officerName());
        cases.requestExtension(accepted.id(), reviewer, "需现场核查");
        long headId = organisation.department(accepted.departmentId()).orElseThrow().headStaffId();
        var head = new Officer(headId, organisation.staff(headId).orElseThrow().name());
        return cases.approveExtension(accepted.id(), head);
    }

    private Case acceptedOn(String code, ZonedDateTime when) {
        clock.set(when);
        ServiceItem item = catalog.publishedItem(code).orElseThrow();
        List<String> required = item.materials().stream().filter(ServiceItem.Material::required)
                .map(ServiceItem.Material::name).toList();
        Case c = cases.submit(new Intake(UUID.randomUUID().toString(), code, CaseIntakeIntegrationTests.HALL,
                COMPREHENSIVE_WINDOW, new Applicant(Applicant.Kind.PERSON, "李四", null,
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), "13908516655"),
                required));
        return cases.accept(c.id());
    }

    /** A housing item whose law sets its own extension, written and published as an administrator does. */
    private String publishedItemWithExtension(int days) throws Exception {
        String code = "EXT-" + ProcessHandle.current().pid() + "-" + sequence.incrementAndGet();
        Map<String, Object> guide = new LinkedHashMap<>();
        guide.put("code", code);
        guide.put("name", "延长期限另有规定的事项");
        guide.put("type", "LICENSING");
        guide.put("departmentCode", "ZJT");
        guide.put("legalBasis", "《中华人民共和国行政许可法》第四十二条");
        guide.put("conditions", "符合条件");
        guide.put("materials", List.of(Map.of("name", "申请书", "form", "ORIGINAL", "copies", 1, "required", true,
                "blankForm", "", "sample", "", "notes", "", "deferrable", false)));
        guide.put("stages", List.of(
                Map.of("name", "受理", "role", "窗口受理人员", "sharePercent", 10, "kind", "INTAKE"),
                Map.of("name", "审查", "role", "审核人员", "sharePercent", 60, "kind", "REVIEW"),
                Map.of("name", "决定", "role", "部门负责人", "sharePercent", 30, "kind", "DECISION")));
        guide.put("statutoryDays", 20);
        guide.put("promisedDays", 15);
        guide.put("extensionDays", days);
        guide.put("channels", List.of("WINDOW"));
        guide.put("maxVisits", 1);
        guide.put("place", "政务服务中心");
        guide.put("hours", "工作日");
        guide.put("consultationPhone", "0851-85280007");
        guide.put("complaintPhone", "12345");
        var admin = user("catalog-admin").roles("ADMIN");
        var created = mvc.perform(post("/api/admin/catalog/items").with(admin).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(JsonMapper.builder().build().writeValueAsString(guide)))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        mvc.perform(post("/api/admin/catalog/items/{c}/publish", code).with(admin).with(csrf()))
                .andExpect(status().isOk());
        return code;
    }
}
