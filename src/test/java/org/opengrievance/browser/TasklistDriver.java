package org.opengrievance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist in headless Debian Chromium, driven the way a member of staff works it: log in, pick a
 * filter, open a task by its name, claim, fill a Camunda Form by its visible labels, complete. Every step
 * waits explicitly for what Tasklist shows next; nothing sleeps. One instance is one browser with its own
 * throw-away profile; {@link #close()} quits it.
 *
 * <p>Use it with {@link #artifactsOnFailure(Supplier)} registered as a JUnit extension, so a failing step
 * leaves a screenshot, the page source and the browser console in {@code target/browser}.
 */
public final class TasklistDriver implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(20);
    public static final Path ARTIFACTS = Path.of("target", "browser");
    /** Browser and JVM share one zone (surefire sets it), so a date typed is the instant the test expects. */
    public static final ZoneId BROWSER_ZONE = ZoneId.systemDefault();

    private static final String MY_TASKS = "My tasks";

    private final String baseUrl;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    private TasklistDriver(String baseUrl, WebDriver driver, Path profile) {
        this.baseUrl = baseUrl;
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** A fresh headless Chromium (1400×1000, the size staff reported problems at) for the app on this port. */
    public static TasklistDriver start(int port) throws IOException {
        Path profile = Files.createTempDirectory("tasklist-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // a driver executable given here keeps Selenium Manager from looking for one online
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", BROWSER_ZONE.getId()))
                .build();
        try {
            return new TasklistDriver("http://localhost:" + port, new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            deleteRecursively(profile);
            throw e;
        }
    }

    /**
     * Saves screenshot, page and console of the driver the supplier returns when the test failed. Runs before
     * {@code @AfterEach}, so register it as a field with {@code @RegisterExtension} and quit in {@code @AfterEach}.
     */
    public static AfterTestExecutionCallback artifactsOnFailure(Supplier<TasklistDriver> driver) {
        return context -> {
            TasklistDriver d = driver.get();
            if (context.getExecutionException().isPresent() && d != null) {
                d.saveArtifacts(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            }
        };
    }

    /** The underlying WebDriver, for a check this class does not offer. */
    public WebDriver webDriver() {
        return driver;
    }

    // --- session ---

    public void logIn(String user, String password) {
        driver.get(baseUrl + "/camunda/app/tasklist/");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        username.sendKeys(user);
        // keys go nowhere while a native browser dialog (an HTTP Basic challenge on any request) has focus
        assertThat(username.getDomProperty("value"))
                .as("the user id typed into Tasklist's login form (empty: the keyboard input was swallowed, "
                        + "e.g. by a browser HTTP authentication prompt)")
                .isEqualTo(user);
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type='submit']")).click();
        explaining(() -> "Tasklist after logging in as " + user + visibleAlerts())
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.start-process-action a")));
        // the filter list is filled by a second request: a test reading it must not see it half-built
        explaining(() -> "Tasklist's filter list after logging in as " + user)
                .until(d -> !filterNames().isEmpty());
    }

    public void logOut() {
        driver.findElement(By.cssSelector("li.account a.dropdown-toggle")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    }

    // --- navigation bar ---

    /** Whether the navigation bar offers "Create task" (Tasklist's standalone-task plugin). */
    public boolean offersCreateTask() {
        return driver.findElements(By.cssSelector(".create-task-action a")).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Whether Tasklist rendered the "Create task" action into the page at all, shown or not. */
    public boolean rendersCreateTask() {
        return !driver.findElements(By.cssSelector(".create-task-action a")).isEmpty();
    }

    public void openStartForm(String processName) {
        driver.findElement(By.cssSelector("li.start-process-action a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@class='processes']//a[normalize-space()=" + xpathLiteral(processName) + "]"))).click();
        // a Camunda Form (form-js) rather than Tasklist's generic form
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-form")));
    }

    /** Clicks Start and waits for the dialog to close (the engine refusing the start keeps it open). */
    public void submitStartForm() {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"))).click();
        explaining(() -> "the start dialog to close" + visibleAlerts())
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    }

    // --- filters and the task list ---

    /** The filters on the left, top to bottom, as Tasklist shows their names. */
    public List<String> filterNames() {
        return driver.findElements(By.cssSelector(".task-filter h4.name a")).stream()
                .map(this::ownText).filter(t -> !t.isBlank()).toList();
    }

    /** Selects a filter and waits until its task list has loaded (tasks, or Tasklist's "no task" notice). */
    public void openFilter(String filterName) {
        By link = By.xpath("//div[contains(@class,'task-filter')]/h4[contains(@class,'name')]/a[text()[normalize-space()="
                + xpathLiteral(filterName) + "]]");
        wait.until(ExpectedConditions.elementToBeClickable(link)).click();
        explaining(() -> "the filter '" + filterName + "' to be selected; filters: " + filterNames())
                .until(ExpectedConditions.presenceOfElementLocated(By.xpath("//div[contains(@class,'task-filter')"
                        + " and contains(@class,'active')]/h4/a[text()[normalize-space()=" + xpathLiteral(filterName) + "]]")));
        explaining(() -> "the task list of '" + filterName + "' to load")
                .until(d -> !d.findElements(By.cssSelector("ol.tasks-list li.task")).isEmpty() || d.findElements(
                        By.xpath("//div[contains(@class,'well')][contains(normalize-space(),'No task matching')]"))
                        .stream().anyMatch(WebElement::isDisplayed));
    }

    /** Task names in the list of the selected filter, top to bottom. */
    public List<String> taskNames() {
        return driver.findElements(By.cssSelector("ol.tasks-list li.task h4.task a")).stream()
                .map(WebElement::getText).map(String::strip).filter(t -> !t.isBlank()).toList();
    }

    /**
     * Waits until the filter lists a task of this name. Tasklist shows what the engine had committed when the
     * list loaded, so the page is reloaded (each reload waited for) until the task is there or time is up.
     */
    public void awaitTaskInList(String filterName, String taskName) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        openFilter(filterName);
        while (!taskNames().contains(taskName)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no task '" + taskName + "' in '" + filterName + "'; it lists " + taskNames()
                        + visibleAlerts());
            }
            driver.navigate().refresh();
            explaining(() -> "Tasklist's filter list after a reload").until(d -> !filterNames().isEmpty());
            openFilter(filterName);
        }
    }

    /** Opens a task of the filter by its name and waits for its detail pane. */
    public void openTask(String filterName, String taskName) {
        awaitTaskInList(filterName, taskName);
        By link = By.xpath("//h4[contains(@class,'task')]/a[normalize-space()=" + xpathLiteral(taskName) + "]");
        // Tasklist re-renders its list while it refreshes: a link found a moment ago may be replaced before the click
        new org.openqa.selenium.support.ui.FluentWait<>(driver).withTimeout(TIMEOUT)
                .pollingEvery(java.time.Duration.ofMillis(200))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    org.openqa.selenium.WebElement e = ExpectedConditions.elementToBeClickable(link).apply(d);
                    if (e == null) {
                        return false;
                    }
                    e.click();
                    return true;
                });
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//h2[contains(@class,'task')][normalize-space()=" + xpathLiteral(taskName) + "]")));
    }

    public void openMyTask(String taskName) {
        openTask(MY_TASKS, taskName);
    }

    /** Whether the opened task offers Claim. */
    public boolean offersClaim() {
        return driver.findElements(By.cssSelector("button.claim")).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Until the task is claimed Tasklist shows its form greyed out ("disabled-form"). */
    public void claim() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        awaitFormEnabled();
    }

    public void awaitFormEnabled() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".disabled-form"), 0));
    }

    public void clickComplete() {
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space()='Complete']")));
        // scrolled only to the edge, the button sits under Tasklist's fixed footer, which takes the click
        scrollToCentre(complete);
        complete.click();
    }

    /** Clicks Complete and waits for the error Tasklist shows instead of completing; returns its text. */
    public String completeExpectingRefusal() {
        clickComplete();
        return explaining(() -> "an error notification after Complete").until(d -> {
            String text = visibleNotificationText();
            return text.isBlank() ? null : text;
        });
    }

    // --- form-js fields, found by their visible label ---

    public WebElement field(String label) {
        WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(labelXpath(label))));
        return driver.findElement(By.id(labelElement.getDomAttribute("for")));
    }

    /** Whether the form shows a field with this label. */
    public boolean hasField(String label) {
        return driver.findElements(By.xpath(labelXpath(label))).stream().anyMatch(WebElement::isDisplayed);
    }

    /** The value a (read-only) field shows. */
    public String valueOf(String label) {
        return field(label).getDomProperty("value");
    }

    public void type(String label, String text) {
        WebElement input = field(label);
        input.click();
        input.sendKeys(text);
    }

    /** A form-js select is a hidden input beside a clickable display and a dropdown list. */
    public void choose(String label, String option) {
        String id = field(label).getDomAttribute("id");
        WebElement display = driver.findElement(By.id(id + "-display"));
        scrollToCentre(display);
        display.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()=" + xpathLiteral(option) + "]"))).click();
        wait.until(ExpectedConditions.textToBe(By.id(id + "-display"), option));
    }

    /** The options a form-js select offers, as the person sees them in its dropdown (which is closed again). */
    public List<String> selectOptions(String label) {
        String id = field(label).getDomAttribute("id");
        WebElement display = driver.findElement(By.id(id + "-display"));
        scrollToCentre(display);
        display.click();
        List<String> options = wait.until(d -> {
            List<WebElement> items = d.findElements(By.cssSelector(".fjs-dropdownlist-item"));
            return items.isEmpty() ? null : items.stream().map(WebElement::getText).map(String::trim).toList();
        });
        display.click();
        return options;
    }

    /** A form-js radio group: the group's label is a legend-like label, each option a label beside its input. */
    public void chooseRadio(String groupLabel, String option) {
        WebElement radio = driver.findElement(By.xpath(radioXpath(groupLabel, option)));
        scrollToCentre(radio);
        radio.click();
        wait.until(d -> radio.isSelected());
    }

    /** The options a radio group shows, in order. */
    public List<String> radioOptions(String groupLabel) {
        return driver.findElements(By.xpath(groupXpath(groupLabel)
                + "//label[contains(@class,'fjs-form-field-label')][.//input[@type='radio']]")).stream()
                .map(WebElement::getText).map(String::strip).toList();
    }

    /**
     * The datetime field is two inputs (date picker, time list); each parses typed text when focus leaves.
     * The date picker sometimes drops typed text it receives while it is still opening, so the field is
     * typed again (at most three times) until form-js holds a value and shows no error for it.
     */
    public void typeDateTime(String dateLabel, String date, String timeLabel, String time) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            retype(field(dateLabel), date);
            retype(field(timeLabel), time);
            try {
                // form-js validates on blur: an error within a few seconds means the value was not taken
                new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> field(dateLabel)
                        .findElements(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"
                                + "//*[contains(@class,'fjs-form-field-error')]")).stream()
                        .anyMatch(WebElement::isDisplayed));
            } catch (TimeoutException noError) {
                return;
            }
        }
        throw new AssertionError("the datetime field " + dateLabel + " did not take the typed value");
    }

    /** The visible text of the form (labels, read-only values, help texts). */
    public String formText() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form"))).getText();
    }

    /** Whether the element is fully inside the window and not covered (by Tasklist's fixed footer, say). */
    public boolean isUncovered(WebElement element) {
        Object free = ((JavascriptExecutor) driver).executeScript("""
                const r = arguments[0].getBoundingClientRect();
                if (r.bottom > window.innerHeight || r.top < 0) return false;
                const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return top === arguments[0] || arguments[0].contains(top);""", element);
        return Boolean.TRUE.equals(free);
    }

    // --- what Tasklist says ---

    /** The text of the error and warning notifications Tasklist shows now, joined by " | "; empty when none. */
    public String visibleNotificationText() {
        try {
            return driver.findElements(By.cssSelector(".notifications .alert, .alert-danger, .alert-error, .alert-warning"))
                    .stream().filter(WebElement::isDisplayed).map(WebElement::getText).map(String::strip)
                    .filter(t -> !t.isBlank()).distinct().collect(Collectors.joining(" | "));
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The browser console's SEVERE entries so far. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    public void saveArtifacts(String name) throws IOException {
        Files.createDirectories(ARTIFACTS);
        Files.write(ARTIFACTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        Files.writeString(ARTIFACTS.resolve(name + ".html"), driver.getPageSource());
        try {
            List<String> console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::toString).toList();
            Files.write(ARTIFACTS.resolve(name + "-console.log"), console);
        } catch (RuntimeException e) {
            // the console log is a bonus; the screenshot and page source are saved already
        }
    }

    /** A wait whose timeout message says what was awaited and what Tasklist showed. */
    public WebDriverWait explaining(Supplier<String> message) {
        // a wait of its own: withMessage changes the wait it is called on
        WebDriverWait explained = new WebDriverWait(driver, TIMEOUT);
        explained.withMessage(message);
        return explained;
    }

    /** Error notifications Tasklist shows, for timeout messages. */
    public String visibleAlerts() {
        String alerts = visibleNotificationText();
        return alerts.isEmpty() ? "" : " (Tasklist shows: " + alerts + ")";
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    // --- helpers ---

    private void retype(WebElement input, String text) {
        // focus, not a click: the time input's own suggestion list may lie over it
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text + Keys.TAB);
    }

    private void scrollToCentre(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private String ownText(WebElement a) {
        // the filter link also holds a hidden counter: keep the link's own text nodes only
        Object text = ((JavascriptExecutor) driver).executeScript("return Array.from(arguments[0].childNodes)"
                + ".filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();", a);
        return String.valueOf(text).strip();
    }

    private static String labelXpath(String label) {
        return "//label[contains(@class,'fjs-form-field-label')][text()[normalize-space()=" + xpathLiteral(label) + "]]";
    }

    private static String groupXpath(String groupLabel) {
        return "//div[contains(@class,'fjs-form-field')][./label[contains(@class,'fjs-form-field-label')]"
                + "[text()[normalize-space()=" + xpathLiteral(groupLabel) + "]]]";
    }

    private static String radioXpath(String groupLabel, String option) {
        return groupXpath(groupLabel) + "//label[normalize-space()=" + xpathLiteral(option) + "]//input[@type='radio']";
    }

    /** An XPath string literal for any text (labels hold apostrophes: "complainant's"). */
    static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "',\"'\",'") + "')";
    }

    /** Best effort: a leftover temp profile must not fail the test. */
    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // left for the OS to clean
        }
    }
}
