package org.opengrievance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.BrowserSession;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.Patients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each role's Tasklist in headless Chromium: the filters it gets (names as Tasklist shows them, in order),
 * the deadline order inside a filter, and the tasks and actions it is not offered.
 */
@Tag("browser")
@GrievanceAppTest
class RoleFiltersBrowserTests {

    static final String INTAKE_USER = "fionaintake";
    static final String INVESTIGATOR_USER = "ivaninvestigator";
    static final String RELATIONS_USER = "paularelations";
    static final String DIRECTOR_USER = "dianadirector";
    static final String CASE_MANAGER_USER = "carlacasemanager";
    static final String PASSWORD = "browser-filters-9";

    @Autowired IdentityService identity;
    @Autowired IntakeService intake;
    @Autowired GrievanceCaseRepository cases;
    @Autowired TaskService tasks;
    @Autowired ProcessEngine engine;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();
    private TasklistDriver browser;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        BrowserUsers.ensureAdmin(identity);
        BrowserUsers.ensureUser(identity, INTAKE_USER, "Fiona", "Intake", PASSWORD, "intake");
        BrowserUsers.ensureUser(identity, INVESTIGATOR_USER, "Ivan", "Investigator", PASSWORD, "investigators-nursing");
        BrowserUsers.ensureUser(identity, RELATIONS_USER, "Paula", "Relations", PASSWORD, "patient-relations");
        BrowserUsers.ensureUser(identity, DIRECTOR_USER, "Diana", "Director", PASSWORD, "pr-director");
        BrowserUsers.ensureUser(identity, CASE_MANAGER_USER, "Carla", "Case-Manager", PASSWORD, "case-management");
        browser = session.driver();
    }

    @Test
    void eachRoleSeesTheFiltersItsWorkNeedsInTheirOrder() {
        assertThat(filtersOf(INTAKE_USER)).containsExactly("My tasks", "To confirm", "Due in 48 hours", "Overdue");
        assertThat(filtersOf(INVESTIGATOR_USER))
                .containsExactly("My tasks", "My department", "Due in 48 hours", "Overdue");
        assertThat(filtersOf(RELATIONS_USER)).containsExactly("My tasks", "Acknowledgements", "Drafts to write",
                "Letters to send", "To close", "Due in 48 hours", "Overdue", "Expedited");
        assertThat(filtersOf(DIRECTOR_USER)).containsExactly("My tasks", "Approvals", "Escalations", "Breaches",
                "Abuse reviews", "Due in 48 hours", "Overdue", "Expedited");
        assertThat(filtersOf(CASE_MANAGER_USER))
                .containsExactly("My tasks", "Discharge appeal rights", "Due in 48 hours", "Overdue");
    }

    @Test
    void aFilterListsTasksByDueDateThenPriorityNotByCreation() {
        // created in this order; Tasklist's own default would list them newest first
        ProcessInstance first = register(Intakes.RECEIVED);
        String dueLaterLowPriority = confirmTaskName(first);
        String dueEarlier = confirmTaskName(register(Intakes.RECEIVED.minusDays(1)));
        Task raised = confirmTask(register(Intakes.RECEIVED));
        tasks.setPriority(raised.getId(), 80);
        assertThat(confirmTask(first).getPriority()).as("the first task keeps the default priority").isEqualTo(50);

        browser.logIn(INTAKE_USER, PASSWORD);
        browser.awaitTaskInList("To confirm", raised.getName());
        List<String> listed = browser.taskNames();

        assertThat(listed).contains(dueEarlier, raised.getName(), dueLaterLowPriority);
        assertThat(listed.indexOf(dueEarlier)).as("due a day earlier: first, though created later")
                .isLessThan(listed.indexOf(raised.getName()));
        assertThat(listed.indexOf(raised.getName())).as("same due date, priority 80 before 50")
                .isLessThan(listed.indexOf(dueLaterLowPriority));
    }

    @Test
    void patientRelationsAreNotShownTheDirectorsApprovalTask() {
        ProcessInstance pi = register(Intakes.RECEIVED);
        CaseSteps.acknowledgeOrally(confirmed(pi));
        CaseSteps.investigate(pi, "investigators-nursing");
        CaseSteps.draft(pi, "MAIL");
        String approval = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("approveResponse")
                .singleResult().getName();

        // the control: the director finds it where the guide says
        browser.logIn(DIRECTOR_USER, PASSWORD);
        browser.awaitTaskInList("Approvals", approval);
        browser.logOut();

        browser.logIn(RELATIONS_USER, PASSWORD);
        for (String filter : browser.filterNames()) {
            browser.openFilter(filter);
            assertThat(browser.taskNames()).as("patient relations' filter " + filter).doesNotContain(approval);
        }
    }

    @Test
    void intakeIsNotOfferedCreateTask() {
        browser.logIn(INTAKE_USER, PASSWORD);
        // logIn waited for the navigation bar's start action: the bar has rendered its actions, this one too
        assertThat(browser.rendersCreateTask()).as("Tasklist rendered its Create task action").isTrue();
        assertThat(browser.offersCreateTask()).isFalse();
    }

    // --- engine side ---

    private List<String> filtersOf(String user) {
        browser.logIn(user, PASSWORD);
        List<String> names = browser.filterNames();
        browser.logOut();
        return names;
    }

    /** A nursing grievance by letter, received at the given time; started with nobody signed in (unassigned). */
    private ProcessInstance register(OffsetDateTime receivedAt) {
        IntakeRequest request = new IntakeRequest(Channel.LETTER, receivedAt, Patients.unique(),
                "The call bell went unanswered.", ServiceArea.NURSING, false, null, false, false, false, false, false,
                "en");
        GrievanceCase c = intake.register(request);
        return instance(c.processInstanceId());
    }

    private ProcessInstance instance(String processInstanceId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
    }

    private ProcessInstance confirmed(ProcessInstance pi) {
        tasks.complete(confirmTask(pi).getId(), Map.of("classification", "GRIEVANCE"));
        return pi;
    }

    private Task confirmTask(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("confirmClassification")
                .singleResult();
    }

    private String confirmTaskName(ProcessInstance pi) {
        return confirmTask(pi).getName();
    }

}
