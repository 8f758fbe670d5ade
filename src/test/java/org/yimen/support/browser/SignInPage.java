package org.yimen.support.browser;

import org.openqa.selenium.By;

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
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }

    public String alert() {
        return browser.driver().findElement(By.cssSelector(".alert")).getText();
    }
}
