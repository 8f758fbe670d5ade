package org.yimen.support.browser;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The staff sign-in page, as a person uses it. */
public final class SignInPage {

    private final Browser browser;

    private SignInPage(Browser browser) {
        this.browser = browser;
    }

    public static SignInPage open(Browser browser) {
        browser.go("/login");
        return new SignInPage(browser);
    }

    public HomePage signInAs(String username, String password) {
        submit(username, password);
        return new HomePage(browser);
    }

    public SignInPage signInExpectingRefusal(String username, String password) {
        submit(username, password);
        return this;
    }

    private void submit(String username, String password) {
        var driver = browser.driver();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        var button = driver.findElement(By.cssSelector("main form button[type=submit]"));
        button.click();
        // Wait for the next page, so a slow answer is not mistaken for the sign-in page still showing.
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(button));
    }

    public String alert() {
        return browser.driver().findElement(By.cssSelector(".alert")).getText();
    }
}
