package org.opengrievance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.BrowserSession;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.Patients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Intake in headless Chromium at "Check possible duplicates" (E7): the form lists the open case, its select takes its
 * options from the process variable {@code duplicateCandidateOptions} ({@code valuesKey}, which Tasklist 7.24
 * loads as Json), and attaching through it makes the complaint the open case's next issue line.
 */
@Tag("browser")
@GrievanceAppTest
class DuplicateCheckBrowserTests {

    static final String INTAKE_USER = "idaintake";
    static final String PASSWORD = "browser-ida-7";
    static final String LISTED = "Open cases of this patient that may be about the same matter";
    static final String DECISION = "Is this contact about one of these open cases?";
    static final String ATTACH_TO = "Attach to";

    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired IntakeService intake;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();
    private TasklistDriver browser;

    @BeforeEach
    void setUp() {
        BrowserUsers.ensureUser(identity, INTAKE_USER, "Ida", "Intake", PASSWORD, "intake");
        browser = session.driver();
    }

    private GrievanceCase log(String patient, String text) {
        identity.setAuthentication(INTAKE_USER, List.of("intake"));
        try {
            return intake.register(new IntakeRequest(Channel.LETTER, Intakes.RECEIVED, patient, text,
                    ServiceArea.NURSING, false, null, false, false, false, false, false, "en"));
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void theSelectOffersTheListedCasesAndAttachingMakesTheComplaintTheirNextIssue() {
        String patient = Patients.unique();
        GrievanceCase open = log(patient, "The call bell went unanswered for forty minutes at night.");
        GrievanceCase first = log(patient, "At night the call bell went unanswered for forty minutes again.");
        // the first contact waits at its own check, so it is no candidate of the second: both list the open case only
        GrievanceCase second = log(patient, "Again at night nobody answered the call bell for forty minutes.");
        String option = open.caseNumber() + " (received 4 Dec 2026)";

        browser.logIn(INTAKE_USER, PASSWORD);
        browser.openMyTask(check(first).getName());
        browser.awaitFormEnabled();
        assertThat(browser.valueOf(LISTED)).startsWith(open.caseNumber() + ", received Fri 4 Dec 2026, 16:30 (CST)")
                .contains("The call bell went unanswered for forty minutes at night.");
        assertThat(browser.hasField(ATTACH_TO)).as("shown only to attach").isFalse();
        browser.chooseRadio(DECISION, "Yes: attach it to that case as a new issue");
        assertThat(browser.selectOptions(ATTACH_TO)).as("the listed cases, from the variable").containsExactly(option);

        browser.openMyTask(check(second).getName());
        browser.awaitFormEnabled();
        browser.chooseRadio(DECISION, "Yes: attach it to that case as a new issue");
        browser.choose(ATTACH_TO, option);
        browser.clickComplete();

        browser.explaining(() -> "the contact attached and closed").withTimeout(Duration.ofSeconds(20))
                .until(d -> runtime.createProcessInstanceQuery().processInstanceId(second.processInstanceId())
                        .count() == 0);
        assertThat(runtime.getVariable(open.processInstanceId(), "issue2"))
                .isEqualTo("Again at night nobody answered the call bell for forty minutes.");
    }

    private Task check(GrievanceCase contact) {
        Task check = tasks.createTaskQuery().processInstanceId(contact.processInstanceId())
                .taskDefinitionKey("checkPossibleDuplicates").singleResult();
        assertThat(check).as("the contact waits at the duplicate check").isNotNull();
        return check;
    }
}
