package org.yimen.support.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A public service guide (办事指南) as a citizen reads it, and its printable view. */
public final class GuidePage {

    private final Browser browser;

    private GuidePage(Browser browser) {
        this.browser = browser;
    }

    /** Searches the portal for a word and opens the first result. */
    public static GuidePage searchAndOpen(Browser browser, String query) {
        browser.go("/services");
        var box = browser.driver().findElement(By.id("q"));
        box.sendKeys(query);
        box.submit();
        browser.driver().findElement(By.cssSelector(".service-item h3 a")).click();
        return new GuidePage(browser);
    }

    public static GuidePage open(Browser browser, String code) {
        browser.go("/services/" + code);
        return new GuidePage(browser);
    }

    public String title() {
        return browser.driver().findElement(By.tagName("h1")).getText().strip();
    }

    public String limits() {
        return browser.driver().findElement(By.cssSelector(".guide-limits")).getText().strip();
    }

    public List<String> materials() {
        return browser.driver().findElements(By.cssSelector(".guide-materials tbody tr td:nth-child(2) > span:first-child"))
                .stream().map(WebElement::getText).map(String::strip).toList();
    }

    public PrintView print() {
        browser.driver().findElement(By.cssSelector("a[href*='/print']")).click();
        return new PrintView(browser);
    }

    /** The A4 guide and materials checklist with its QR code. */
    public static final class PrintView {

        private final Browser browser;

        PrintView(Browser browser) {
            this.browser = browser;
        }

        public int checklistRows() {
            return browser.driver().findElements(By.cssSelector("table tbody tr .box")).size();
        }

        /** The QR code's width as the browser drew it; zero if the image did not load. */
        public long qrNaturalWidth() {
            var image = browser.driver().findElement(By.cssSelector(".qr img"));
            Object width = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                    .executeScript("return arguments[0].naturalWidth;", image);
            return width instanceof Number n ? n.longValue() : 0;
        }

        public String text() {
            return browser.driver().findElement(By.tagName("main")).getText();
        }
    }
}
