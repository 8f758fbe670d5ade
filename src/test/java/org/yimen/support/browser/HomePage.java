package org.yimen.support.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A member of staff's home page: greeting, roles and the cards of what they may do. */
public final class HomePage {

    private final Browser browser;

    HomePage(Browser browser) {
        this.browser = browser;
    }

    public String heading() {
        return browser.driver().findElement(By.tagName("h1")).getText();
    }

    public List<String> cardTitles() {
        return browser.driver().findElements(By.cssSelector(".home-card .card-title")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    public List<String> menu() {
        return browser.driver().findElements(By.cssSelector("#mainNav .navbar-nav.me-auto .nav-link")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }
}
