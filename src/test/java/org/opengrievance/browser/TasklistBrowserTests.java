package org.opengrievance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda Tasklist in headless Debian Chromium against the whole application: the Camunda Forms in
 * processes/forms render and submit what the process needs. Run with {@code ./mvnw verify -Pbrowser}.
 */
@Tag("browser")
@GrievanceAppTest
class TasklistBrowserTests {

    // user ids may hold letters and digits only (the engine's default user whitelist)
    private static final String ADMIN_USER = "browseradmin";
    private static final String ADMIN_PASSWORD = "browser-admin";
    private static final String INTAKE_USER = "tessintake";
    private static final String INTAKE_PASSWORD = "browser-tess";
    private static final String INVESTIGATOR_USER = "victorinvestigator";
    private static final String INVESTIGATOR_PASSWORD = "browser-victor";
    private static final String INVESTIGATOR_GROUP = "investigators-nursing";

    /** Received 2026-12-04 at 10:00 as typed into the form, in the browser's zone: before the test clock's now. */
    private static final LocalDateTime RECEIVED = LocalDateTime.of(2026, 12, 4, 10, 0);
    /** Markup in the complaint must reach every form as text: nothing bold, no image, no script run. */
    private static final String COMPLAINT = "Call bell unanswered for <b>forty</b> minutes"
            + " <img src=x onerror=\"window.xssRan=1\"> on the night of 2 December.";
    private static final String FINDINGS = "Two nurses covered three rooms after a sick call; the bell log shows it.";
    private static final String STEPS_TAKEN = "Reviewed the bell log, interviewed night staff, added a float nurse.";

    private static final Path ARTIFACTS = Path.of("target", "browser");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** Browser and JVM share one zone (surefire sets it), so the date typed is the instant the test expects. */
    private static final ZoneId BROWSER_ZONE = ZoneId.systemDefault();

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired GrievanceCaseRepository cases;

    private WebDriver driver;
    private WebDriverWait wait;
    private Path browserProfile;

    /** Runs before @AfterEach quits the browser, so a failing step leaves what the page looked like. */
    @RegisterExtension
    final AfterTestExecutionCallback saveArtifactsOnFailure = context -> {
        if (context.getExecutionException().isPresent() && driver != null) {
            saveArtifacts(context.getRequiredTestMethod().getName());
        }
    };

    @BeforeEach
    void setUp() throws IOException {
        // the test profile has no admin; without a camunda-admin member every webapp redirects to its setup page
        ensureUser(ADMIN_USER, "Ada", "Admin", ADMIN_PASSWORD, "camunda-admin");
        ensureUser(INTAKE_USER, "Tess", "Intake", INTAKE_PASSWORD, "intake");
        ensureUser(INVESTIGATOR_USER, "Victor", "Investigator", INVESTIGATOR_PASSWORD, INVESTIGATOR_GROUP);
        startBrowser();
    }

    @AfterEach
    void tearDown() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            deleteRecursively(browserProfile);
        }
    }

    @Test
    void intakeStartsAGrievanceFromTheStartFormAndInvestigatorCompletesTheRenderedForm() {
        // unique, so the case is found even where the database outlives one run
        String patient = "Robin Browser-" + UUID.randomUUID().toString().substring(0, 6);

        logIn(INTAKE_USER, INTAKE_PASSWORD);
        openStartForm("Grievance");
        choose("How was the complaint received?", "Letter");
        typeDateTime("Received at", "12/04/2026", "Time received", "10:00");
        type("Patient name", patient);
        type("Complaint (in the complainant's words)", COMPLAINT);
        choose("Service area", "Nursing care");
        submitStartForm();

        ProcessInstance grievance = awaitGrievanceOf(patient);
        String caseNumber = grievance.getBusinessKey();
        assertThat(caseNumber).matches("GRV-\\d{4}-\\d{6}");
        GrievanceCase row = cases.findByProcessInstanceId(grievance.getId()).orElseThrow();
        assertThat(row.caseNumber()).isEqualTo(caseNumber);
        assertThat(row.patientName()).isEqualTo(patient);
        assertThat(row.complaintText()).isEqualTo(COMPLAINT);
        assertThat(row.channel()).isEqualTo("LETTER");
        assertThat(row.serviceArea()).isEqualTo("NURSING");
        assertThat(row.createdBy()).isEqualTo(INTAKE_USER);
        assertThat(row.receivedAt().toInstant()).isEqualTo(RECEIVED.atZone(BROWSER_ZONE).toInstant());

        completeTask(grievance.getId(), "confirmClassification", Map.of("classification", "GRIEVANCE"));
        completeTask(grievance.getId(), "acknowledgeReceipt", Map.of("acknowledgedVia", "PHONE"));
        ProcessInstance investigation = runtime.createProcessInstanceQuery()
                .superProcessInstanceId(grievance.getId()).processDefinitionKey("investigation").singleResult();
        assertThat(investigation).as("called investigation").isNotNull();
        Task gather = openTask(investigation.getId(), "gatherFindings");
        assertThat(tasks.createTaskQuery().taskId(gather.getId()).taskCandidateGroup(INVESTIGATOR_GROUP).count())
                .isEqualTo(1);

        logOut();
        logIn(INVESTIGATOR_USER, INVESTIGATOR_PASSWORD);
        openGroupTask("Gather findings · " + caseNumber);
        claim();
        assertFindingsFormRendered();
        type("Findings of the investigation", FINDINGS);
        type("Steps taken on behalf of the patient", STEPS_TAKEN);
        clickComplete();

        HistoricTaskInstance done = awaitEngine("gatherFindings to be completed", () -> history
                .createHistoricTaskInstanceQuery().taskId(gather.getId()).finished().singleResult());
        assertThat(done.getAssignee()).isEqualTo(INVESTIGATOR_USER);
        assertThat(variable(investigation.getId(), "findings")).isEqualTo(FINDINGS);
        assertThat(variable(investigation.getId(), "stepsTaken")).isEqualTo(STEPS_TAKEN);
        assertThat(runtime.getActiveActivityIds(investigation.getId())).containsExactly("codeIssue");
    }

    // --- Tasklist pages ---

    private void logIn(String user, String password) {
        driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
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
        waitExplaining(() -> "Tasklist after logging in as " + user + visibleAlerts())
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.start-process-action a")));
    }

    private void logOut() {
        driver.findElement(By.cssSelector("li.account a.dropdown-toggle")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    }

    private void openStartForm(String processName) {
        driver.findElement(By.cssSelector("li.start-process-action a")).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//ul[@class='processes']//a[normalize-space()='" + processName + "']"))).click();
        // a Camunda Form (form-js) rather than Tasklist's generic form
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal .fjs-form")));
    }

    private void submitStartForm() {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"))).click();
        // the engine rejects an invalid intake inside the start call: Tasklist then keeps the dialog open
        waitExplaining(() -> "the start dialog to close" + visibleAlerts())
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    }

    private void openGroupTask(String taskName) {
        // the link also holds a hidden counter, so match its own text node
        driver.findElement(By.xpath("//h4[contains(@class,'name')]/a[text()[normalize-space()=\"My groups' tasks\"]]"))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//h4[contains(@class,'task')]/a[normalize-space()='" + taskName + "']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//h2[contains(@class,'task')][normalize-space()='" + taskName + "']")));
    }

    /** Until the task is claimed Tasklist shows its form greyed out ("disabled-form"). */
    private void claim() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".disabled-form"), 0));
    }

    private void assertFindingsFormRendered() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        assertThat(field("Findings of the investigation").isDisplayed()).isTrue();
        assertThat(field("Steps taken on behalf of the patient").isDisplayed()).isTrue();
        WebElement complaint = field("Complaint");
        assertThat(complaint.isDisplayed()).isTrue();
        assertThat(complaint.getDomAttribute("readonly")).isNotNull();
        assertThat(complaint.getDomProperty("value")).isEqualTo(COMPLAINT);
        assertThat(driver.findElements(By.cssSelector(".fjs-form b, .fjs-form img"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.xssRan === undefined")).isEqualTo(true);
        // the alert exists hidden on every task page; only its visible text means the form failed to load
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Form failure");
    }

    private void clickComplete() {
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space()='Complete']")));
        // scrolled only to the edge, the button sits under Tasklist's fixed footer, which takes the click
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", complete);
        complete.click();
    }

    // --- form-js fields, found by their visible label ---

    private WebElement field(String label) {
        WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[contains(@class,'fjs-form-field-label')]"
                        + "[text()[normalize-space()=\"" + label + "\"]]")));
        return driver.findElement(By.id(labelElement.getDomAttribute("for")));
    }

    private void type(String label, String text) {
        WebElement input = field(label);
        input.click();
        input.sendKeys(text);
    }

    /** A form-js select is a hidden input beside a clickable display and a dropdown list. */
    private void choose(String label, String option) {
        String id = field(label).getDomAttribute("id");
        driver.findElement(By.id(id + "-display")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()='" + option + "']"))).click();
        wait.until(ExpectedConditions.textToBe(By.id(id + "-display"), option));
    }

    /**
     * The datetime field is two inputs (date picker, time list); each parses typed text when focus leaves.
     * The date picker sometimes drops typed text it receives while it is still opening, so the field is
     * typed again (at most three times) until form-js holds a value and shows no error for it.
     */
    private void typeDateTime(String dateLabel, String date, String timeLabel, String time) {
        for (int attempt = 1; attempt <= 3; attempt++) {
            retype(field(dateLabel), date);
            retype(field(timeLabel), time);
            try {
                // form-js validates on blur: an error within a few seconds means the value was not taken
                new WebDriverWait(driver, Duration.ofSeconds(3)).until(d -> field(dateLabel)
                        .findElements(By.xpath("./ancestor::div[contains(@class,'fjs-form-field')][1]"
                                + "//*[contains(@class,'fjs-form-field-error')]")).stream()
                        .anyMatch(WebElement::isDisplayed));
            } catch (org.openqa.selenium.TimeoutException noError) {
                return;
            }
        }
        throw new AssertionError("the datetime field " + dateLabel + " did not take the typed value");
    }

    private void retype(WebElement input, String text) {
        // focus, not a click: the time input's own suggestion list may lie over it
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text + Keys.TAB);
    }

    // --- engine side ---

    private ProcessInstance awaitGrievanceOf(String patient) {
        return awaitEngine("a grievance for " + patient, () -> runtime.createProcessInstanceQuery()
                .processDefinitionKey("grievance").variableValueEquals("patientName", patient).singleResult());
    }

    private Task openTask(String processInstanceId, String taskKey) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
    }

    private void completeTask(String processInstanceId, String taskKey, Map<String, Object> variables) {
        Task task = openTask(processInstanceId, taskKey);
        assertThat(task).as("open task " + taskKey).isNotNull();
        tasks.complete(task.getId(), variables);
    }

    private Object variable(String processInstanceId, String name) {
        HistoricVariableInstance v = history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableName(name).singleResult();
        return v == null ? null : v.getValue();
    }

    /** Tasklist returns before the engine call it made has committed; poll the engine briefly. */
    private <T> T awaitEngine(String what, Supplier<T> query) {
        return new FluentWait<>(query).withTimeout(TIMEOUT).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> what + visibleAlerts())
                .until(Supplier::get);
    }

    private void ensureUser(String id, String first, String last, String password, String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType("camunda-admin".equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(id, groupId);
        }
    }

    // --- browser ---

    private void startBrowser() throws IOException {
        browserProfile = Files.createTempDirectory("tasklist-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + browserProfile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // a driver executable given here keeps Selenium Manager from looking for one online
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", BROWSER_ZONE.getId()))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, TIMEOUT);
    }

    /** A wait of its own: withMessage changes the wait it is called on. */
    private WebDriverWait waitExplaining(Supplier<String> message) {
        WebDriverWait explained = new WebDriverWait(driver, TIMEOUT);
        explained.withMessage(message);
        return explained;
    }

    /** Error notifications Tasklist shows, appended to timeout messages. */
    private String visibleAlerts() {
        try {
            String alerts = driver.findElements(By.cssSelector(".alert-danger, .alert-error")).stream()
                    .filter(WebElement::isDisplayed).map(WebElement::getText).filter(t -> !t.isBlank())
                    .collect(Collectors.joining(" | "));
            return alerts.isEmpty() ? "" : " (Tasklist shows: " + alerts + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private void saveArtifacts(String name) throws IOException {
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
