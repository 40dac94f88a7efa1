package org.opengrievance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.BrowserSession;
import org.opengrievance.support.GrievanceAppTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camunda Tasklist in headless Debian Chromium against the whole application: the Camunda Forms in
 * processes/forms render and submit what the process needs. Run with {@code ./mvnw verify -Pbrowser}.
 */
@Tag("browser")
@GrievanceAppTest
class TasklistBrowserTests {

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

    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired GrievanceCaseRepository cases;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();
    private TasklistDriver browser;

    @BeforeEach
    void setUp() {
        BrowserUsers.ensureAdmin(identity);
        BrowserUsers.ensureUser(identity, INTAKE_USER, "Tess", "Intake", INTAKE_PASSWORD, "intake");
        BrowserUsers.ensureUser(identity, INVESTIGATOR_USER, "Victor", "Investigator", INVESTIGATOR_PASSWORD,
                INVESTIGATOR_GROUP);
        browser = session.driver();
    }

    @Test
    void intakeStartsAGrievanceFromTheStartFormAndInvestigatorCompletesTheRenderedForm() {
        // unique, so the case is found even where the database outlives one run
        String patient = "Robin Browser-" + UUID.randomUUID().toString().substring(0, 6);

        browser.logIn(INTAKE_USER, INTAKE_PASSWORD);
        browser.openStartForm("Grievance");
        browser.choose("How was the complaint received?", "Letter");
        browser.typeDateTime("Received at", "12/04/2026", "Time received", "10:00");
        browser.type("Patient name", patient);
        browser.type("Complaint (in the complainant's words)", COMPLAINT);
        browser.choose("Service area", "Nursing care");
        browser.submitStartForm();

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
        assertThat(row.receivedAt().toInstant()).isEqualTo(RECEIVED.atZone(TasklistDriver.BROWSER_ZONE).toInstant());

        completeTask(grievance.getId(), "confirmClassification", Map.of("classification", "GRIEVANCE"));
        completeTask(grievance.getId(), "acknowledgeReceipt", Map.of("acknowledgedVia", "PHONE"));
        ProcessInstance investigation = runtime.createProcessInstanceQuery()
                .superProcessInstanceId(grievance.getId()).processDefinitionKey("investigation").singleResult();
        assertThat(investigation).as("called investigation").isNotNull();
        Task gather = openTask(investigation.getId(), "gatherFindings");
        assertThat(tasks.createTaskQuery().taskId(gather.getId()).taskCandidateGroup(INVESTIGATOR_GROUP).count())
                .isEqualTo(1);

        browser.logOut();
        browser.logIn(INVESTIGATOR_USER, INVESTIGATOR_PASSWORD);
        browser.openTask("My department", "Gather findings · " + caseNumber);
        browser.claim();
        assertFindingsFormRendered();
        browser.type("Findings of the investigation (internal)", FINDINGS);
        browser.type("Steps taken on behalf of the patient (printed for the patient)", STEPS_TAKEN);
        browser.clickComplete();

        HistoricTaskInstance done = awaitEngine("gatherFindings to be completed", () -> history
                .createHistoricTaskInstanceQuery().taskId(gather.getId()).finished().singleResult());
        assertThat(done.getAssignee()).isEqualTo(INVESTIGATOR_USER);
        assertThat(variable(investigation.getId(), "findings")).isEqualTo(FINDINGS);
        assertThat(variable(investigation.getId(), "stepsTaken")).isEqualTo(STEPS_TAKEN);
        assertThat(runtime.getActiveActivityIds(investigation.getId())).containsExactly("codeIssue");
    }

    private void assertFindingsFormRendered() {
        WebDriver driver = browser.webDriver();
        assertThat(browser.field("Findings of the investigation (internal)").isDisplayed()).isTrue();
        assertThat(browser.field("Steps taken on behalf of the patient (printed for the patient)").isDisplayed()).isTrue();
        WebElement complaint = browser.field("Complaint");
        assertThat(complaint.isDisplayed()).isTrue();
        assertThat(complaint.getDomAttribute("readonly")).isNotNull();
        assertThat(complaint.getDomProperty("value")).isEqualTo(COMPLAINT);
        assertThat(driver.findElements(By.cssSelector(".fjs-form b, .fjs-form img"))).isEmpty();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.xssRan === undefined")).isEqualTo(true);
        // the alert exists hidden on every task page; only its visible text means the form failed to load
        assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Form failure");
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
        return new FluentWait<>(query).withTimeout(TasklistDriver.TIMEOUT).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> what + browser.visibleAlerts())
                .until(Supplier::get);
    }
}
