package org.opengrievance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.FluentWait;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.BrowserSession;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Intake staff in headless Chromium: the case they start is theirs to confirm at once, and a refusal by the
 * rules reaches them as one plain sentence.
 */
@Tag("browser")
@GrievanceAppTest
class IntakeStartBrowserTests {

    static final String INTAKE_USER = "gretaintake";
    static final String PASSWORD = "browser-greta-9";

    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IntakeService intake;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();
    private TasklistDriver browser;

    @BeforeEach
    void setUp() {
        BrowserUsers.ensureAdmin(identity);
        BrowserUsers.ensureUser(identity, INTAKE_USER, "Greta", "Intake", PASSWORD, "intake");
        browser = session.driver();
    }

    @Test
    void theConfirmClassificationTaskIsInTheStartersMyTasks() {
        String patient = "Sam Starter-" + UUID.randomUUID().toString().substring(0, 6);
        browser.logIn(INTAKE_USER, PASSWORD);
        browser.openStartForm("Grievance");
        browser.choose("How was the complaint received?", "Letter");
        browser.typeDateTime("Received at", "12/04/2026", "Time received", "10:00");
        browser.type("Patient name", patient);
        browser.type("Complaint (in the complainant's words)", "Nobody answered the call bell for forty minutes.");
        browser.choose("Service area", "Nursing care");
        browser.submitStartForm();

        ProcessInstance grievance = new FluentWait<>(patient).withTimeout(TasklistDriver.TIMEOUT)
                .pollingEvery(Duration.ofMillis(200)).withMessage(() -> "a grievance for " + patient)
                .until(p -> runtime.createProcessInstanceQuery().processDefinitionKey("grievance")
                        .variableValueEquals("patientName", p).singleResult());
        Task confirm = tasks.createTaskQuery().processInstanceId(grievance.getId())
                .taskDefinitionKey("confirmClassification").singleResult();
        assertThat(confirm.getAssignee()).isEqualTo(INTAKE_USER);

        browser.openMyTask("Confirm classification · " + grievance.getBusinessKey());
        browser.awaitFormEnabled();
        assertThat(browser.offersClaim()).as("already the starter's: nothing to claim").isFalse();
    }

    @Test
    void aWrittenGrievanceCannotBeDowngradedAndTasklistSaysWhyInOneSentence() {
        Task confirm = confirmTaskStartedBy(INTAKE_USER);

        browser.logIn(INTAKE_USER, PASSWORD);
        browser.openMyTask(confirm.getName());
        browser.awaitFormEnabled();
        // a letter is always a grievance (CMS-HOSP-2(c)): the decision table says it cannot become a complaint
        browser.choose("Classification (change to override)", "Complaint resolved at the time (hospital)");
        String shown = browser.completeExpectingRefusal();
        System.out.println("Tasklist showed: " + shown);

        assertThat(shown).contains("A written complaint is always a grievance (CMS-HOSP-2(c)): it cannot be changed to a complaint.");
        assertThat(shown).doesNotContain("ENGINE-").doesNotContain("Exception").doesNotContain(confirm.getId())
                .doesNotContain(confirm.getProcessInstanceId());
        assertThat(tasks.createTaskQuery().taskId(confirm.getId()).count()).as("the task is still open").isEqualTo(1);
    }

    /** A written grievance started as the user (the engine records them as its initiator). */
    private Task confirmTaskStartedBy(String user) {
        IntakeRequest request = new IntakeRequest(Channel.LETTER, Intakes.RECEIVED, "Pat Refusalpatient",
                "The meals arrived cold.", ServiceArea.DIETARY, false, null, false, false, false, false, false, "en");
        identity.setAuthentication(user, List.of("intake"));
        GrievanceCase c;
        try {
            c = intake.register(request);
        } finally {
            identity.clearAuthentication();
        }
        Task confirm = tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey("confirmClassification").singleResult();
        assertThat(confirm.getAssignee()).as("assigned to the starter").isEqualTo(user);
        return confirm;
    }
}
