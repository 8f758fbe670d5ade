package org.yimen.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.yimen.calendar.WorkingDays;
import org.yimen.support.TestClock;
import org.yimen.support.YimenIntegrationTest;
import org.yimen.support.browser.Browser;
import org.yimen.support.browser.SignInPage;

/**
 * A citizen chooses a line at the kiosk, sees the materials to bring, takes a ticket; a clerk calls it at the
 * workstation, and the hall board, open in another tab, shows the call without reloading.
 */
@YimenIntegrationTest
class ReceptionBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    ServiceLines lines;
    @Autowired
    Devices devices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    WorkingDays workingDays;

    @BeforeEach
    void workingMorning() {
        clock.set(ReceptionFixture.workingMorning(workingDays));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aKioskTicketIsCalledAtTheWindowAndShownOnTheHallBoard() {
        var hall = ReceptionFixture.hall(jdbc, lines, 1);
        long a = hall.line("出入境", "A", java.util.List.of("GAT-CRJ-001"));
        hall.serve(1, a);
        var kiosk = devices.register(DeviceKind.KIOSK, hall.hallId, null, "测试取号机");
        var board = devices.register(DeviceKind.HALL_DISPLAY, hall.hallId, null, "测试综合屏");

        try (var browser = Browser.open(port)) {
            var driver = browser.driver();
            var wait = new WebDriverWait(driver, Duration.ofSeconds(10));

            browser.go("/devices/kiosk?token=" + kiosk.token());
            assertThat(driver.getCurrentUrl()).as("the token leaves the address").doesNotContain("token=");
            driver.findElement(By.cssSelector("[data-line='A']")).click();
            assertThat(driver.findElement(By.cssSelector("[data-item='GAT-CRJ-001']")).getText())
                    .as("the materials to bring, before the ticket")
                    .contains("普通护照签发").contains("中国公民出入境证件申请表").contains("居民身份证");
            browser.screenshot("reception-kiosk-materials");
            driver.findElement(By.id("take-ticket")).click();
            assertThat(driver.findElement(By.id("ticket-number")).getText()).isEqualTo("A001");
            browser.screenshot("reception-kiosk-ticket");

            String kioskTab = driver.getWindowHandle();
            driver.switchTo().newWindow(WindowType.TAB);
            String boardTab = driver.getWindowHandle();
            browser.go("/devices/hall?token=" + board.token());
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("waiting-counts"), "1"));

            driver.switchTo().newWindow(WindowType.TAB);
            SignInPage.open(browser).signInAs("clerk1", "Yimen@2026");
            browser.go("/reception/windows/" + hall.window(1));
            driver.findElement(By.id("call-next")).click();
            assertThat(driver.findElement(By.id("notice")).getText()).contains("A001");

            driver.switchTo().window(boardTab);
            wait.until(ExpectedConditions.textToBe(By.id("latest-call"), "请 A001 号到 1 号窗口办理"));
            assertThat(driver.findElement(By.id("recent-calls")).getText()).contains("A001");
            browser.screenshot("reception-hall-board");
            driver.switchTo().window(kioskTab);
        }
    }
}
