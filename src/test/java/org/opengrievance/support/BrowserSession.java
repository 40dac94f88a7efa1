package org.opengrievance.support;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.opengrievance.browser.TasklistDriver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium per browser test, for the app of the test's context: started before each test, its
 * screenshot, page and console saved in {@code target/browser} when the test failed, quit after. Register it
 * as a field ({@code @RegisterExtension final BrowserSession session = new BrowserSession();}); it runs after
 * the Spring extension, so the server's port is known. Also the Cockpit sign-in the plugin's tests share.
 */
public final class BrowserSession implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private TasklistDriver driver;
    private int port;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        port = SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port", Integer.class);
        driver = TasklistDriver.start(port);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        TasklistDriver.artifactsOnFailure(() -> driver).afterTestExecution(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.close();
            driver = null;
        }
    }

    /** This test's browser. */
    public TasklistDriver driver() {
        return driver;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Types the user and password into Cockpit's login form and submits it. */
    public void openCockpitLogin(String user, String password) {
        WebDriver d = driver.webDriver();
        d.get(url("/camunda/app/cockpit/"));
        driver.explaining(() -> "Cockpit's login form")
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        d.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
        d.findElement(By.cssSelector("button[type='submit']")).click();
    }

    /** Signs in to Cockpit and waits for the plugin's navigation entry ({@code landmark}, e.g. a.grv-nav-link). */
    public void logInToCockpit(String user, String password, By landmark) {
        openCockpitLogin(user, password);
        driver.explaining(() -> "Cockpit after logging in as " + user + driver.visibleAlerts())
                .until(ExpectedConditions.presenceOfElementLocated(landmark));
        // read (and so emptied): the login page's own probes answer 404 before anyone is signed in (Cockpit asks
        // who is signed in, the welcome app is not deployed); what counts is what the plugin's views log
        driver.consoleErrors();
    }

    /** Signs in to Cockpit as someone it refuses; the notification it shows. */
    public String cockpitRefusal(String user, String password) {
        openCockpitLogin(user, password);
        return driver.explaining(() -> "Cockpit to refuse " + user).until(d -> {
            String alerts = driver.visibleNotificationText();
            return alerts.isBlank() ? null : alerts;
        });
    }

    /** For docs/images: the page as it is now (target/browser, copied by hand when it changes). */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(TasklistDriver.ARTIFACTS);
        Files.write(TasklistDriver.ARTIFACTS.resolve(name + ".png"),
                ((TakesScreenshot) driver.webDriver()).getScreenshotAs(OutputType.BYTES));
    }

    /** The text of the first element that matches, for the message of a wait that failed. */
    public static String text(WebDriver d, String css) {
        return d.findElements(By.cssSelector(css)).stream().map(WebElement::getText).findFirst().orElse("(nothing)");
    }
}
