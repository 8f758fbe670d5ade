package org.yimen.support.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A case as an officer works on it: the work queue that leads to it, its stages and the action forms. */
public final class CasePage {

    private final Browser browser;

    private CasePage(Browser browser) {
        this.browser = browser;
    }

    /** Opens the work queue and follows the link of the case with this number. */
    public static CasePage fromWorkQueue(Browser browser, String caseNumber) {
        browser.go("/cases/work");
        browser.driver().findElement(By.linkText(caseNumber)).click();
        return new CasePage(browser);
    }

    public String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    /** The stages as listed, each with who has it and its status. */
    public List<String> stages() {
        return browser.driver().findElements(By.cssSelector(".list-group-numbered .list-group-item")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    public CasePage completeStage(String opinion) {
        var driver = browser.driver();
        driver.findElement(By.id("opinion")).sendKeys(opinion);
        driver.findElement(By.cssSelector("form[action$='/stage'] button[type=submit]")).click();
        return this;
    }

    public String flash() {
        return browser.driver().findElement(By.cssSelector(".alert-success")).getText();
    }

    public List<String> history() {
        return browser.driver().findElements(By.cssSelector("ol.border-start li")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }
}
