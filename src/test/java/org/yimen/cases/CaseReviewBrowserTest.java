package org.yimen.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yimen.catalog.Catalog;
import org.yimen.catalog.ServiceItem;
import org.yimen.shared.IdentityDocument;
import org.yimen.support.YimenIntegrationTest;
import org.yimen.support.browser.Browser;
import org.yimen.support.browser.CasePage;
import org.yimen.support.browser.SignInPage;

/**
 * 住建厅's reviewer signs in, finds an accepted building permit in the work queue, completes the review stage with an
 * opinion on the case page, and sees the decision stage pass to the head acting for the 部门负责人 post.
 */
@YimenIntegrationTest
class CaseReviewBrowserTest {

    static final String BUILDING_PERMIT = "ZJT-XK-003";

    @LocalServerPort
    int port;
    @Autowired
    Cases cases;
    @Autowired
    Catalog catalog;

    @Test
    void theReviewerCompletesTheStageFromTheWorkQueue() {
        ServiceItem permit = catalog.publishedItem(BUILDING_PERMIT).orElseThrow();
        List<String> required = permit.materials().stream().filter(ServiceItem.Material::required)
                .map(ServiceItem.Material::name).toList();
        Case c = cases.submit(new Intake(UUID.randomUUID().toString(), permit.code(), "GZZWFW", 13,
                new Applicant(Applicant.Kind.ENTERPRISE, "贵州某某建设有限公司", "91520100MA6DLX1X2C",
                        IdentityDocument.residentIdCard(CaseIntakeIntegrationTests.idNumber()), "13908511111"),
                required));
        cases.accept(c.id());

        try (var browser = Browser.open(port)) {
            SignInPage.open(browser).signInAs("reviewer1", "Yimen@2026");
            CasePage page = CasePage.fromWorkQueue(browser, c.number());
            assertThat(page.heading()).contains(c.number());
            assertThat(page.stages()).anySatisfy(s -> assertThat(s).contains("审查").contains("韩冬").contains("办理中"));

            page.completeStage("材料齐全，符合施工许可条件");

            assertThat(page.flash()).contains("已完成本环节");
            assertThat(page.stages()).anySatisfy(s -> assertThat(s).contains("决定").contains("赵文斌"));
            assertThat(page.history()).anySatisfy(l -> assertThat(l).contains("完成审查环节：审查"));
            browser.screenshot("case-review");
        }
    }
}
