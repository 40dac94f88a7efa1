package org.opengrievance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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
 * Patient relations in headless Chromium: Email is offered for the acknowledgement only when an email address
 * is on file; without one, the choice is letter, phone or in person.
 */
@Tag("browser")
@GrievanceAppTest
class EmailChoiceBrowserTests {

    static final String RELATIONS_USER = "rubyrelations";
    static final String PASSWORD = "browser-ruby-7";
    static final String CHOICE = "Acknowledge receipt by";

    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired IntakeService intake;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();
    private TasklistDriver browser;

    @BeforeEach
    void setUp() {
        BrowserUsers.ensureAdmin(identity);
        BrowserUsers.ensureUser(identity, RELATIONS_USER, "Ruby", "Relations", PASSWORD, "patient-relations");
        browser = session.driver();
    }

    /** A written grievance, confirmed, waiting to be acknowledged by patient relations. */
    private Task acknowledgement(String email) {
        GrievanceCase c = intake.register(new IntakeRequest(Channel.LETTER, Intakes.RECEIVED, Patients.unique(),
                "The meals arrived cold.", ServiceArea.DIETARY, false, null, false, false, false, false, false, "en",
                null, null, null, null, null, false, false, email, "1 Main Street", null));
        Task confirm = tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey("confirmClassification").singleResult();
        tasks.complete(confirm.getId(), Map.of("classification", "GRIEVANCE"));
        return tasks.createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey("acknowledgeReceipt")
                .singleResult();
    }

    @Test
    void emailIsOfferedOnlyWhenAnAddressIsOnFile() {
        Task withoutEmail = acknowledgement(null);
        Task withEmail = acknowledgement("pat.choice@example.org");

        browser.logIn(RELATIONS_USER, PASSWORD);
        browser.openTask("Acknowledgements", withoutEmail.getName());
        browser.claim();
        browser.awaitFormEnabled();
        assertThat(browser.selectOptions(CHOICE)).containsExactly("Letter", "Phone", "In person");

        browser.openTask("Acknowledgements", withEmail.getName());
        browser.claim();
        browser.awaitFormEnabled();
        assertThat(browser.selectOptions(CHOICE)).containsExactly("Letter", "Email", "Phone", "In person");
    }
}
