package org.yimen.support.browser;

import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A window's evaluation pad (评价器) as the citizen touches it: idle, then "please rate" with five levels once the
 * visit has finished, the reasons after a low level, and the thanks. One page object stands for one browser tab.
 */
public final class EvaluationPadPage {

    private final Browser browser;
    private final String tab;

    private EvaluationPadPage(Browser browser, String tab) {
        this.browser = browser;
        this.tab = tab;
    }

    /** Signs the pad in with its device token, in the current tab. */
    public static EvaluationPadPage open(Browser browser, String token) {
        browser.go("/devices/pad?token=" + token);
        return new EvaluationPadPage(browser, browser.driver().getWindowHandle());
    }

    /**
     * The same pad's screen in a second tab that runs no scripts, so it never refreshes itself: a stale screen that
     * still shows whatever it showed when it was loaded. The pad's pages work without scripts, as plain forms.
     */
    public static EvaluationPadPage openStaleScreen(Browser browser) {
        browser.driver().switchTo().newWindow(WindowType.TAB);
        ((HasCdp) browser.driver()).executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        browser.go("/devices/pad");
        return new EvaluationPadPage(browser, browser.driver().getWindowHandle());
    }

    /** Brings this tab to the front. */
    public EvaluationPadPage show() {
        browser.driver().switchTo().window(tab);
        return this;
    }

    public boolean idle() {
        show();
        return !browser.driver().findElements(By.id("pad-idle")).isEmpty();
    }

    /** Waits until the pad asks for a rating (it looks for a finished visit every few seconds); returns the prompt. */
    public String awaitPrompt() {
        show();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pad-rate h1")));
        return prompt();
    }

    public String prompt() {
        show();
        return browser.driver().findElement(By.cssSelector("#pad-rate h1")).getText().strip();
    }

    /** Taps one of the five levels by its label (非常满意 … 非常不满意). */
    public EvaluationPadPage tap(String level) {
        show();
        browser.driver().findElement(By.xpath("//section[@id='pad-rate']//button[normalize-space()='" + level + "']"))
                .click();
        return this;
    }

    /** After a low level: the question why. */
    public String reasonsQuestion() {
        show();
        return browser.driver().findElement(By.cssSelector("#pad-reasons h1")).getText().strip();
    }

    /** Ticks a reason tag by its label (服务态度差 …). */
    public EvaluationPadPage tick(String reason) {
        show();
        browser.driver().findElement(By.xpath("//section[@id='pad-reasons']//label[normalize-space()='" + reason
                + "']")).click();
        return this;
    }

    public EvaluationPadPage send() {
        show();
        browser.driver().findElement(By.cssSelector("#pad-reasons button[type='submit']")).click();
        return this;
    }

    public boolean thanked() {
        show();
        return !browser.driver().findElements(By.id("pad-thanks")).isEmpty();
    }

    /** Why the pad refused what was tapped, as it says it; empty when it refused nothing. */
    public String refusal() {
        show();
        return browser.driver().findElements(By.id("pad-refusal")).stream().findFirst()
                .map(element -> element.getText().strip()).orElse("");
    }
}
