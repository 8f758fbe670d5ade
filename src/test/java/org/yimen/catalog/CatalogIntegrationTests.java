package org.yimen.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.yimen.audit.Actor;
import org.yimen.support.AuditRecords;
import org.yimen.support.YimenIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** The catalog through its public API and pages, its administration and the module API, on the shared database. */
@YimenIntegrationTest
class CatalogIntegrationTests {

    private static final AtomicInteger sequence = new AtomicInteger();
    private static final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Catalog catalog;
    @Autowired
    CatalogAdministration administration;

    // Demo catalog

    @Test
    void theDemoCatalogHasTwentyItemsAcrossTheSevenDepartmentsWithTheReportsFigures() throws Exception {
        assertThat(jdbc.sql("select count(*) from cat_item_version where status = 'PUBLISHED'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(20);
        assertThat(jdbc.sql("select count(distinct department_id) from cat_item_version where status = 'PUBLISHED'")
                .query(Long.class).single()).isEqualTo(7);
        assertLimits("GTZYT-XK-001", "建设用地审批", 60, 12);
        assertLimits("HBT-XK-001", "建设项目环境影响报告书审批", 60, 15);
        assertLimits("HBT-XK-002", "建设项目环境影响报告表审批", 30, 7);
        assertLimits("HBT-BA-003", "建设项目环境影响登记表备案", 7, 0);
        assertLimits("JTYST-BA-003", "机动车维修经营备案", 5, 3);
        assertThat(catalog.publishedItem("GAT-CRJ-001").orElseThrow().fees())
                .allSatisfy(f -> assertThat(f.legalBasis()).contains("发改价格规〔2019〕914号"));
        assertThat(catalog.publishedItem("ZJT-KS-001").orElseThrow().name()).contains("考试报名");
        assertThat(catalog.publishedItem("RST-DJ-001").orElseThrow().name()).contains("社会保险登记");
        assertThat(catalog.publishedItem("DSJ-XK-001").orElseThrow().name()).isEqualTo("延期缴纳税款审批");
        var land = catalog.publishedItem("GTZYT-XK-001").orElseThrow();
        assertThat(land.jointReview()).isTrue();
        assertThat(land.materials()).anyMatch(ServiceItem.Material::deferrable);
        assertThat(land.stages()).extracting(ServiceItem.Stage::sharePercent).containsExactly(10, 40, 30, 20);
        assertThat(land.stages()).extracting(ServiceItem.Stage::kind).containsExactly(ServiceItem.Stage.Kind.INTAKE,
                ServiceItem.Stage.Kind.REVIEW, ServiceItem.Stage.Kind.JOINT_REVIEW, ServiceItem.Stage.Kind.DECISION);
        assertThat(catalog.publishedItem("JTYST-BA-003").orElseThrow().stages()).as("a filing: intake, then decide")
                .extracting(ServiceItem.Stage::kind)
                .containsExactly(ServiceItem.Stage.Kind.INTAKE, ServiceItem.Stage.Kind.DECISION);
    }

    private void assertLimits(String code, String name, int statutory, int promised) {
        var item = catalog.publishedItem(code).orElseThrow();
        assertThat(item.name()).isEqualTo(name);
        assertThat(item.statutoryDays()).as(code).isEqualTo(statutory);
        assertThat(item.promisedDays()).as(code).isEqualTo(promised);
    }

    @Test
    void theDemoRunnerRunsOnceOnly() throws Exception {
        long before = jdbc.sql("select count(*) from cat_item").query(Long.class).single();
        demoRunner.run(null);
        assertThat(jdbc.sql("select count(*) from cat_item").query(Long.class).single()).isEqualTo(before);
    }

    @Autowired
    DemoCatalog demoRunner;

    // Versions

    @Test
    void aPublishedItemEditedTwiceKeepsThreeReadableVersions() throws Exception {
        String code = uniqueCode();
        long mark = AuditRecords.head(jdbc);
        mvc.perform(jsonBody(post("/api/admin/catalog/items"), draft(code, "第一版名称", 20, 10)).with(admin()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        assertThat(catalog.publishedItem(code)).as("a draft is not public").isEmpty();
        mvc.perform(post("/api/admin/catalog/items/{c}/publish", code).with(admin()).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));

        mvc.perform(jsonBody(put("/api/admin/catalog/items/{c}/draft", code), draft(code, "第二版名称", 20, 8))
                .with(admin())).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        assertThat(catalog.publishedItem(code).orElseThrow().name()).as("v1 stays in force until v2 is published")
                .isEqualTo("第一版名称");
        mvc.perform(post("/api/admin/catalog/items/{c}/publish", code).with(admin()).with(csrf()))
                .andExpect(jsonPath("$.version").value(2));

        mvc.perform(jsonBody(put("/api/admin/catalog/items/{c}/draft", code), draft(code, "第三版名称", 20, 5))
                .with(admin())).andExpect(jsonPath("$.version").value(3));
        mvc.perform(jsonBody(put("/api/admin/catalog/items/{c}/draft", code), draft(code, "第三版改", 20, 5))
                .with(admin())).andExpect(jsonPath("$.version").value(3));
        mvc.perform(post("/api/admin/catalog/items/{c}/publish", code).with(admin()).with(csrf()))
                .andExpect(jsonPath("$.version").value(3));

        var v1 = catalog.itemVersion(code, 1).orElseThrow();
        var v2 = catalog.itemVersion(code, 2).orElseThrow();
        var v3 = catalog.itemVersion(code, 3).orElseThrow();
        assertThat(List.of(v1.name(), v2.name(), v3.name())).containsExactly("第一版名称", "第二版名称", "第三版改");
        assertThat(List.of(v1.status(), v2.status(), v3.status())).containsExactly(ServiceItem.Status.SUPERSEDED,
                ServiceItem.Status.SUPERSEDED, ServiceItem.Status.PUBLISHED);
        assertThat(v1.promisedDays()).isEqualTo(10);
        assertThat(catalog.publishedItem(code).orElseThrow().version()).isEqualTo(3);
        mvc.perform(get("/api/catalog/items/{c}", code).param("version", "1"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.name").value("第一版名称"));
        mvc.perform(get("/services/{c}", code).param("version", "2"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("第二版名称")));

        AuditRecords.assertRecorded(jdbc, mark, "catalog.item.created", "service-item", code);
        assertThat(AuditRecords.since(jdbc, mark).stream()
                .filter(r -> r.action().equals("catalog.item.published") && r.targetId().equals(code))).hasSize(3);

        // Retired: nothing in force, every version still readable by number.
        long retireMark = AuditRecords.head(jdbc);
        mvc.perform(post("/api/admin/catalog/items/{c}/retire", code).with(admin()).with(csrf()))
                .andExpect(status().isOk());
        AuditRecords.assertRecorded(jdbc, retireMark, "catalog.item.retired", "service-item", code);
        assertThat(catalog.publishedItem(code)).isEmpty();
        assertThat(catalog.itemVersion(code, 3).orElseThrow().status()).isEqualTo(ServiceItem.Status.RETIRED);
        mvc.perform(get("/api/catalog/items/{c}", code)).andExpect(status().isNotFound());
        mvc.perform(post("/api/admin/catalog/items/{c}/retire", code).with(admin()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("catalog.item.retireRefused.RETIRED"));
    }

    @Test
    void publishingWithoutADraftIsAConflictNamingTheState() throws Exception {
        String code = createPublished("无草稿事项");
        mvc.perform(post("/api/admin/catalog/items/{c}/publish", code).with(admin()).with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("catalog.item.publishRefused.PUBLISHED"))
                .andExpect(jsonPath("$.detail").value(containsString("已是现行版本")));
    }

    @Test
    void draftsAreNotPublic() throws Exception {
        String code = uniqueCode();
        administration.create(GuidePolicyTest.complete().withCode(code), Actor.system("test"));
        mvc.perform(get("/api/catalog/items/{c}", code)).andExpect(status().isNotFound());
        mvc.perform(get("/api/catalog/items/{c}", code).param("version", "1")).andExpect(status().isNotFound());
        mvc.perform(get("/services/{c}", code)).andExpect(status().isNotFound());
    }

    // Validation through the API

    @Test
    void aRefusedGuideNamesEveryFieldAtFaultInTheCallersLanguage() throws Exception {
        String code = uniqueCode();
        String body = draft(code, "时限有误", 10, 12).replace("\"legalBasis\":\"计价格〔1994〕783号\"",
                "\"legalBasis\":\"\"");
        mvc.perform(jsonBody(post("/api/admin/catalog/items"), body).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("promisedDays", "fees[0].legalBasis")))
                .andExpect(jsonPath("$.errors[*].message", hasItem("承诺时限（12 个工作日）不能超过法定时限（10 个工作日）。")));
        mvc.perform(jsonBody(post("/api/admin/catalog/items"), body).with(admin())
                .param("lang", "en"))
                .andExpect(jsonPath("$.errors[*].message",
                        hasItem("The promised limit (12 working days) cannot exceed the statutory limit (10 working days).")));
        assertThat(catalog.itemVersion(code, 1)).isEmpty();
    }

    @Test
    void aTakenCodeIsAConflictOnTheCodeField() throws Exception {
        String code = createPublished("编码占用");
        mvc.perform(jsonBody(post("/api/admin/catalog/items"), draft(code, "另一个", 10, 5)).with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.code").value("catalog.validation.codeTaken"));
    }

    // Search

    @Test
    void searchFindsAnItemByATwoCharacterSubstringOfItsName() throws Exception {
        mvc.perform(get("/api/catalog/items").param("q", "用地"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem("建设用地审批")));
        assertThat(catalog.search("用地", null, null)).extracting(ServiceSummary::name).contains("建设用地审批");
        assertThat(catalog.search("环境影响", null, null)).extracting(ServiceSummary::code)
                .contains("HBT-XK-001", "HBT-XK-002");
        String code = createPublished("楼宇喷泉设施备案");
        assertThat(catalog.search("喷泉", null, null)).extracting(ServiceSummary::code).containsExactly(code);
        assertThat(catalog.search(code.toLowerCase(), null, null)).extracting(ServiceSummary::code).containsExactly(code);
        assertThat(catalog.search("100%_", null, null)).as("wildcards are literal").isEmpty();
    }

    @Test
    void searchByKeywordAndDepartment() throws Exception {
        mvc.perform(get("/api/catalog/items").param("q", "出入境").param("department", "GAT"))
                .andExpect(jsonPath("$[*].code", hasItems("GAT-CRJ-001", "GAT-CRJ-002")))
                .andExpect(jsonPath("$[0].departmentName").value("公安厅"));
        mvc.perform(get("/api/catalog/items").param("q", "出入境").param("department", "ZJT"))
                .andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/services").param("q", "用地"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("建设用地审批")));
    }

    // Import and export

    @Test
    void aMalformedImportChangesNothingAndReportsEveryProblem() throws Exception {
        String existing = createPublished("导入前的事项");
        String fresh = uniqueCode();
        long items = jdbc.sql("select count(*) from cat_item_version").query(Long.class).single();
        long mark = AuditRecords.head(jdbc);
        String good = draft(fresh, "合法的新事项", 10, 5);
        String badLimit = draft(existing, "改坏的事项", 10, 20);
        String noMaterial = draft(uniqueCode(), "没有材料", 10, 5).replaceAll("\"materials\":\\[[^\\]]*\\]",
                "\"materials\":[]");
        String file = "{\"format\":\"yimen-catalog/1\",\"items\":[{\"status\":\"PUBLISHED\",\"guide\":" + good
                + "},{\"status\":\"PUBLISHED\",\"guide\":" + badLimit + "},{\"status\":\"PUBLISHED\",\"guide\":"
                + noMaterial + "},{\"status\":\"PUBLISHED\",\"guide\":" + good + "},{\"guide\":" + good + "}]}";

        mvc.perform(jsonBody(post("/api/admin/catalog/import"), file).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.applied").value(false))
                .andExpect(jsonPath("$.problems[*].field", hasItems("items[1].guide.promisedDays",
                        "items[2].guide.materials", "items[3].code", "items[4].status")));

        assertThat(jdbc.sql("select count(*) from cat_item_version").query(Long.class).single()).isEqualTo(items);
        assertThat(catalog.itemVersion(fresh, 1)).isEmpty();
        assertThat(catalog.publishedItem(existing).orElseThrow().name()).isEqualTo("导入前的事项");
        assertThat(AuditRecords.since(jdbc, mark)).isEmpty();

        mvc.perform(jsonBody(post("/api/admin/catalog/import"), "{\"items\": [").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("file"));
    }

    @Test
    void anExportImportsAgainWithoutChangingAnything() throws Exception {
        byte[] exported = mvc.perform(get("/api/admin/catalog/export").with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(exported, StandardCharsets.UTF_8)).contains("建设用地审批");
        long versions = jdbc.sql("select count(*) from cat_item_version").query(Long.class).single();
        var report = administration.importJson(exported, Actor.system("test"));
        assertThat(report.problems()).isEmpty();
        assertThat(report.applied()).isTrue();
        assertThat(report.created()).isZero();
        assertThat(report.published()).isZero();
        // Drafts in the file are written over the open drafts, so they add no versions either.
        assertThat(jdbc.sql("select count(*) from cat_item_version").query(Long.class).single())
                .isEqualTo(versions);
    }

    @Test
    void aValidImportCreatesAndPublishesAndIsAudited() throws Exception {
        String code = uniqueCode();
        String file = "{\"format\":\"yimen-catalog/1\",\"items\":[{\"status\":\"PUBLISHED\",\"guide\":"
                + draft(code, "导入的事项", 15, 10) + "}]}";
        long mark = AuditRecords.head(jdbc);
        mvc.perform(multipart("/admin/catalog/import")
                .file(new MockMultipartFile("file", "catalog.json", "application/json",
                        file.getBytes(StandardCharsets.UTF_8)))
                .with(admin()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新建 1 个事项")));
        assertThat(catalog.publishedItem(code).orElseThrow().name()).isEqualTo("导入的事项");
        AuditRecords.assertRecorded(jdbc, mark, "catalog.item.published", "service-item", code);
        AuditRecords.assertRecorded(jdbc, mark, "catalog.imported", "catalog", "catalog");
    }

    // Public pages

    @Test
    void publicPagesRenderWithoutSignIn() throws Exception {
        var services = mvc.perform(get("/services")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(Jsoup.parse(services).select(".service-item")).hasSizeGreaterThanOrEqualTo(20);
        assertThat(services).contains("国土资源厅", "企业开办");
        mvc.perform(get("/services").param("theme", "TAX"))
                .andExpect(content().string(containsString("延期缴纳税款审批")));
        mvc.perform(get("/services").param("department", "HBT"))
                .andExpect(content().string(containsString("排污许可证核发")));

        var guide = Jsoup.parse(mvc.perform(get("/services/GTZYT-XK-001")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(guide.select("h1").text()).isEqualTo("建设用地审批");
        assertThat(guide.select(".guide-limits").text()).isEqualTo("法定 60 个工作日，承诺 12 个工作日");
        assertThat(guide.text()).contains("《中华人民共和国土地管理法》第四十四条", "住建厅", "听证", "可容缺",
                "0851-85280001", "0851-12345");
        assertThat(guide.select(".guide-materials tbody tr")).hasSize(7);

        var print = Jsoup.parse(mvc.perform(get("/services/GTZYT-XK-001/print")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(print.select("link[href$=print-sheet.css]")).hasSize(1);
        mvc.perform(get("/css/print-sheet.css")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.allOf(containsString("@media print"),
                        containsString("size: A4"))));
        assertThat(print.select("img[src*=qr.png]")).hasSize(1);
        assertThat(print.text()).contains("申请材料清单", "http://localhost/services/GTZYT-XK-001");

        byte[] png = mvc.perform(get("/services/GTZYT-XK-001/qr.png")).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG)).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');

        var fees = Jsoup.parse(mvc.perform(get("/fees")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        var police = fees.getElementById("fees-GAT");
        assertThat(police).isNotNull();
        assertThat(police.text()).contains("证照费", "普通护照", "每本 120 元", "发改价格规〔2019〕914号",
                "往来港澳通行证签注", "一次有效签注");
        assertThat(police.select(".card-header span").text()).matches("\\d+ 个大项，\\d+ 个小项，\\d+ 个子项");
        assertThat(fees.getElementById("fees-RST").text()).contains("该部门办理的事项均不收费");

        mvc.perform(get("/services/NO-SUCH-ITEM")).andExpect(status().isNotFound());
    }

    @Test
    void theGuidePageSpeaksEnglishWhenAsked() throws Exception {
        mvc.perform(get("/services/HBT-BA-003").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Statutory 7 working days, promised on the spot")));
    }

    // Administration

    @Test
    void administrationIsClosedToClerksAndAnonymousCallers() throws Exception {
        mvc.perform(get("/api/admin/catalog/items")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/admin/catalog/items").with(user("clerk").roles("CLERK")))
                .andExpect(status().isForbidden());
        mvc.perform(jsonBody(post("/api/admin/catalog/items"), draft(uniqueCode(), "x", 1, 1))
                .with(user("clerk").roles("CLERK"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/catalog").with(user("clerk").roles("CLERK"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/catalog/items").with(user("manager").roles("HALL_MANAGER")))
                .andExpect(status().isOk());
    }

    @Test
    void theAdminPagesListCreateEditPreviewAndPublish() throws Exception {
        mvc.perform(get("/admin/catalog").with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("GTZYT-XK-001")));
        var blank = Jsoup.parse(mvc.perform(get("/admin/catalog/new").with(admin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(blank.select("label[for=materials0.name]")).hasSize(1);
        assertThat(blank.select("input#materials0\\.name")).hasSize(1);

        String code = uniqueCode();
        // A form with a missing legal basis on a fee and a promised limit over the statutory one: both named.
        var refused = Jsoup.parse(mvc.perform(post("/admin/catalog/new").with(admin()).with(csrf())
                .params(formOf(code, "20", "25", "")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#promisedDays").hasClass("is-invalid")).isTrue();
        assertThat(refused.select("#promisedDays").attr("aria-describedby")).isEqualTo("promisedDays-error");
        assertThat(refused.select("#promisedDays-error").text()).contains("不能超过法定时限");
        assertThat(refused.select("#fees0\\.legalBasis-error").text()).contains("收费依据");

        // Adding a row keeps what was typed and offers one more material row.
        var more = Jsoup.parse(mvc.perform(post("/admin/catalog/new").with(admin()).with(csrf())
                .params(formOf(code, "20", "10", "依据")).param("addRow", "materials"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(more.select(".material-row")).as("the row shown, the empty one, and one more").hasSize(3);
        assertThat(more.select("#name").val()).isEqualTo("页面新建事项");

        long mark = AuditRecords.head(jdbc);
        mvc.perform(post("/admin/catalog/new").with(admin()).with(csrf()).params(formOf(code, "20", "10", "依据")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/catalog"))
                .andExpect(flash().attribute("flashSuccess", "catalog.admin.flash.created"));
        AuditRecords.assertRecorded(jdbc, mark, "catalog.item.created", "service-item", code);
        var created = catalog.itemVersion(code, 1).orElseThrow();
        assertThat(created.materials()).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("身份证");
            assertThat(m.deferrable()).isTrue();
        });
        assertThat(created.channels()).containsExactly(ServiceItem.Channel.WINDOW, ServiceItem.Channel.ONLINE);

        mvc.perform(get("/admin/catalog/{c}/preview", code).with(admin())).andExpect(status().isOk())
                .andExpect(content().string(containsString("页面新建事项")));
        var edit = Jsoup.parse(mvc.perform(get("/admin/catalog/{c}/edit", code).with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(edit.select("#materials0\\.name").val()).isEqualTo("身份证");
        mvc.perform(post("/admin/catalog/{c}/publish", code).with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/catalog"));
        AuditRecords.assertRecorded(jdbc, mark, "catalog.item.published", "service-item", code);
        mvc.perform(post("/admin/catalog/{c}/edit", code).with(admin()).with(csrf())
                .params(formOf(code, "20", "9", "依据"))).andExpect(redirectedUrl("/admin/catalog"));
        assertThat(catalog.itemVersion(code, 2).orElseThrow().promisedDays()).isEqualTo(9);
        assertThat(catalog.publishedItem(code).orElseThrow().promisedDays()).isEqualTo(10);
    }

    // Extension and stage kinds in the editor

    @Test
    void theEditorRefusesAnExtensionOutsideOneToSixtyWorkingDaysBesideTheField() throws Exception {
        for (String days : List.of("0", "61")) {
            var form = formOf(uniqueCode(), "20", "10", "依据");
            form.set("extensionDays", days);
            var refused = Jsoup.parse(mvc.perform(post("/admin/catalog/new").with(admin()).with(csrf()).params(form))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(refused.select("#extensionDays").hasClass("is-invalid")).as(days).isTrue();
            assertThat(refused.select("#extensionDays").attr("aria-describedby")).isEqualTo("extensionDays-error");
            assertThat(refused.select("#extensionDays-error").text()).as(days).contains("1 至 60");
        }
    }

    @Test
    void theEditorRefusesASecondIntakeStageAndAnIntakeStageThatIsNotFirst() throws Exception {
        var twice = withStages(formOf(uniqueCode(), "20", "10", "依据"), "INTAKE", "INTAKE", "DECISION");
        var refused = Jsoup.parse(mvc.perform(post("/admin/catalog/new").with(admin()).with(csrf()).params(twice))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#stages1\\.kind").hasClass("is-invalid")).isTrue();
        assertThat(refused.select("#stages1\\.kind").attr("aria-describedby")).isEqualTo("stages1.kind-error");
        assertThat(refused.select("label[for=stages1.kind]").text()).isEqualTo("环节类型");
        assertThat(refused.select("#stages1\\.kind-error").text()).isEqualTo("只能有一个受理环节，且排在第一个。");

        var late = withStages(formOf(uniqueCode(), "20", "10", "依据"), "REVIEW", "INTAKE", "DECISION");
        refused = Jsoup.parse(mvc.perform(post("/admin/catalog/new").with(admin()).with(csrf()).params(late))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#stages0\\.kind-error").text()).isEqualTo("第一个环节必须是受理环节。");
        assertThat(refused.select("#stages0\\.kind option[selected]").val()).as("what was chosen is kept")
                .isEqualTo("REVIEW");
    }

    @Test
    void aGuideWithItsOwnExtensionIsPublishedAndItsGuideSaysSo() throws Exception {
        String code = uniqueCode();
        var form = withStages(formOf(code, "20", "10", "依据"), "INTAKE", "REVIEW", "DECISION");
        form.set("extensionDays", "25");
        mvc.perform(post("/admin/catalog/new").with(admin()).with(csrf()).params(form))
                .andExpect(redirectedUrl("/admin/catalog"));
        mvc.perform(post("/admin/catalog/{c}/publish", code).with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/catalog"));

        var item = catalog.publishedItem(code).orElseThrow();
        assertThat(item.extensionDays()).isEqualTo(25);
        assertThat(item.stages()).extracting(ServiceItem.Stage::kind).containsExactly(ServiceItem.Stage.Kind.INTAKE,
                ServiceItem.Stage.Kind.REVIEW, ServiceItem.Stage.Kind.DECISION);
        var guide = Jsoup.parse(mvc.perform(get("/services/{c}", code)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(guide.select(".guide-extension").text()).contains("可延长 25 个工作日");
        assertThat(guide.select(".stage-kind").eachText()).containsExactly("受理", "审查", "决定");
        mvc.perform(get("/services/{c}", code).param("lang", "en"))
                .andExpect(content().string(containsString("may be extended by 25 working days")));
        mvc.perform(get("/api/catalog/items/{c}", code))
                .andExpect(jsonPath("$.extensionDays").value(25))
                .andExpect(jsonPath("$.stages[0].kind").value("INTAKE"))
                .andExpect(jsonPath("$.stages[2].kind").value("DECISION"));
        var edit = Jsoup.parse(mvc.perform(get("/admin/catalog/{c}/edit", code).with(admin()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(edit.select("#extensionDays").val()).isEqualTo("25");
        assertThat(edit.select("#stages1\\.kind option[selected]").val()).isEqualTo("REVIEW");
    }

    @Test
    void aGuideWithoutItsOwnExtensionStatesTheStatutoryOne() throws Exception {
        String code = uniqueCode();
        mvc.perform(post("/admin/catalog/new").with(admin()).with(csrf())
                .params(withStages(formOf(code, "20", "10", "依据"), "INTAKE", "REVIEW", "DECISION")))
                .andExpect(redirectedUrl("/admin/catalog"));
        mvc.perform(post("/admin/catalog/{c}/publish", code).with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/catalog"));
        var item = catalog.publishedItem(code).orElseThrow();
        assertThat(item.extensionDays()).isNull();
        assertThat(item.jointReview()).isFalse();
        var guide = Jsoup.parse(mvc.perform(get("/services/{c}", code)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(guide.select(".guide-extension").text()).isEqualTo(
                "经本机关负责人批准，可延长 10 个工作日，并书面告知申请人延长期限的理由。");
        mvc.perform(get("/services/{c}/print", code).param("lang", "en"))
                .andExpect(content().string(containsString("may be extended by 10 working days")));
    }

    @Test
    void theGuideOfAJointlyReviewedItemStatesFifteenDays() throws Exception {
        var landUse = Jsoup.parse(mvc.perform(get("/services/{c}", "GTZYT-XK-001")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(landUse.select(".guide-extension").text()).contains("可延长 15 个工作日");
    }

    @Test
    void theApiRefusesABadExtensionAndStageKindsAsAProblemDetailInTheCallersLanguage() throws Exception {
        String code = uniqueCode();
        String body = draft(code, "延长有误", 20, 10).replace("\"extensionDays\":null", "\"extensionDays\":61")
                .replace("\"kind\":\"REVIEW\"", "\"kind\":\"INTAKE\"");
        assertThat(body).contains("\"extensionDays\":61");
        mvc.perform(jsonBody(post("/api/admin/catalog/items"), body).with(admin()).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItems("extensionDays", "stages[1].kind")))
                .andExpect(jsonPath("$.errors[*].message", hasItems(
                        "Enter 1 to 60 working days, or leave empty when no law or regulation sets its own extension.",
                        "There can be only one intake stage, and it comes first.")));
        assertThat(catalog.itemVersion(code, 1)).isEmpty();
    }

    private static org.springframework.util.MultiValueMap<String, String> withStages(
            org.springframework.util.MultiValueMap<String, String> form, String... kinds) {
        for (int i = 0; i < kinds.length; i++) {
            form.set("stages[" + i + "].name", "环节" + i);
            form.set("stages[" + i + "].role", "审核人员");
            form.set("stages[" + i + "].sharePercent", i < kinds.length - 1 ? "20" : 100 - 20 * (kinds.length - 1)
                    + "");
            form.set("stages[" + i + "].kind", kinds[i]);
        }
        return form;
    }

    private static org.springframework.util.MultiValueMap<String, String> formOf(String code, String statutory,
            String promised, String feeBasis) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("code", code);
        form.add("name", "页面新建事项");
        form.add("type", "LICENSING");
        form.add("departmentCode", "ZJT");
        form.add("legalBasis", "《中华人民共和国行政许可法》");
        form.add("conditions", "符合条件");
        form.add("procedure", "");
        form.add("statutoryDays", statutory);
        form.add("promisedDays", promised);
        form.add("maxVisits", "1");
        form.add("themes", "CONSTRUCTION");
        form.add("_themes", "on");
        form.add("keywords", "页面");
        form.add("materials[0].name", "身份证");
        form.add("materials[0].form", "ORIGINAL_AND_COPY");
        form.add("materials[0].copies", "1");
        form.add("materials[0].required", "true");
        form.add("_materials[0].required", "on");
        form.add("materials[0].deferrable", "true");
        form.add("_materials[0].deferrable", "on");
        form.add("materials[1].name", "");
        form.add("materials[1].form", "ORIGINAL");
        form.add("materials[1].copies", "");
        form.add("_materials[1].required", "on");
        form.add("stages[0].name", "");
        form.add("stages[0].role", "");
        form.add("stages[0].sharePercent", "");
        form.add("stages[0].kind", "");
        form.add("extensionDays", "");
        form.add("fees[0].category", "证照费");
        form.add("fees[0].name", "工本费");
        form.add("fees[0].standard", "每证 5 元");
        form.add("_fees[0].free", "on");
        form.add("fees[0].legalBasis", feeBasis);
        form.add("channels", "WINDOW");
        form.add("channels", "ONLINE");
        form.add("_channels", "on");
        form.add("place", "政务服务中心");
        form.add("hours", "工作日");
        form.add("consultationPhone", "0851-85280007");
        form.add("complaintPhone", "12345");
        form.add("resultPickup", "");
        return form;
    }

    // Helpers

    private String createPublished(String name) {
        String code = uniqueCode();
        var actor = Actor.system("test");
        var d = GuidePolicyTest.complete();
        administration.create(new GuideDraft(code, name, d.type(), d.departmentCode(), d.legalBasis(),
                d.conditions(), d.procedure(), d.materials(), d.stages(), d.consultedDepartmentCodes(),
                d.specialProcedures(), d.statutoryDays(), d.promisedDays(), d.extensionDays(), d.fees(), d.channels(),
                d.maxVisits(),
                d.place(), d.hours(), d.consultationPhone(), d.complaintPhone(), d.resultPickup(), d.keywords(),
                d.themes()), actor);
        administration.publish(code, actor);
        return code;
    }

    private static String uniqueCode() {
        return "TEST-" + ProcessHandle.current().pid() + "-" + sequence.incrementAndGet();
    }

    private static String draft(String code, String name, int statutory, int promised) {
        var d = GuidePolicyTest.complete();
        return json.writeValueAsString(new GuideDraft(code, name, d.type(), "GTZYT", d.legalBasis(), d.conditions(),
                d.procedure(), d.materials(), d.stages(), List.of("ZJT"), d.specialProcedures(), statutory, promised,
                d.extensionDays(), d.fees(), d.channels(), d.maxVisits(), d.place(), d.hours(), d.consultationPhone(),
                d.complaintPhone(), d.resultPickup(), d.keywords(), d.themes()));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder jsonBody(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body).with(csrf());
    }

    private static RequestPostProcessor admin() {
        return user("catalog-admin").roles("ADMIN");
    }
}
