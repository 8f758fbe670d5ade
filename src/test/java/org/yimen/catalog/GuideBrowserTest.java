package org.yimen.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yimen.support.YimenIntegrationTest;
import org.yimen.support.browser.Browser;
import org.yimen.support.browser.GuidePage;

/** A citizen finds a guide in Chromium without signing in, reads it and opens its print view. */
@YimenIntegrationTest
class GuideBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aCitizenSearchesOpensAGuideAndItsPrintView() throws Exception {
        try (var browser = Browser.open(port)) {
            var guide = GuidePage.searchAndOpen(browser, "用地");

            assertThat(guide.title()).isEqualTo("建设用地审批");
            assertThat(guide.limits()).isEqualTo("法定 60 个工作日，承诺 12 个工作日");
            assertThat(guide.materials()).hasSize(7).contains("建设用地呈报说明书");
            assertThat(Files.size(browser.screenshot("catalog-guide"))).isGreaterThan(10_000);

            var print = guide.print();
            assertThat(print.checklistRows()).isEqualTo(7);
            assertThat(print.qrNaturalWidth()).isEqualTo(240);
            assertThat(print.text()).contains("申请材料清单", "/services/GTZYT-XK-001");
            assertThat(Files.size(browser.screenshot("catalog-guide-print"))).isGreaterThan(10_000);
        }
    }

    @Test
    void theFeeSchedulePageShowsThePublicSecurityFees() {
        try (var browser = Browser.open(port)) {
            browser.go("/fees");
            var text = browser.driver().findElement(org.openqa.selenium.By.id("fees-GAT")).getText();
            assertThat(text).contains("普通护照", "每本 120 元");
            browser.screenshot("catalog-fees");
        }
    }
}
