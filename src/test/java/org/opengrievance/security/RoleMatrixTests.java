package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.ADMIN;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.CASE_MANAGER;
import static org.opengrievance.support.TestUsers.Role.DIRECTOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.MEDICAL_INVESTIGATOR;
import static org.opengrievance.support.TestUsers.Role.NO_GROUP;
import static org.opengrievance.support.TestUsers.Role.NURSING_INVESTIGATOR;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.security.SecurityTestSupport.Answer;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.opengrievance.support.TestUsers.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * What each role may and may not do, over HTTP with real users: the project's API (role rules in
 * SecurityConfig), engine-rest and the webapps' API (engine authorizations of AuthorizationBaseline plus the
 * task grants the engine gives candidate groups), and which webapps each role can sign in to.
 */
@GrievanceAppTest
class RoleMatrixTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired AuthorizationService authorizations;
    @Autowired HistoryService history;
    @Autowired GrievanceCaseRepository cases;
    SecurityTestSupport http;

    static final Set<Role> READERS = EnumSet.of(INTAKE, PATIENT_RELATIONS, DIRECTOR, AUDITOR);
    static final Set<Role> INTAKERS = EnumSet.of(INTAKE, PATIENT_RELATIONS, DIRECTOR);
    static final Set<Role> CHANGERS = EnumSet.of(PATIENT_RELATIONS, DIRECTOR);

    @BeforeEach
    void setUp() {
        users.ensureCreated();
        http = new SecurityTestSupport(users);
    }

    String processInstanceOf(String caseNumber) {
        return cases.findByCaseNumber(caseNumber).orElseThrow().processInstanceId();
    }

    @Test
    void projectApiAnswersEachRoleByItsRules() {
        String caseNumber = http.logCase("DIETARY");
        assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().createdBy()).isEqualTo(INTAKE.userId());
        for (Role role : Role.values()) {
            Answer create = http.post(role, "/api/grievances",
                    SecurityTestSupport.intake("DIETARY", "Pat Testpatient", "Cold meals."));
            assertThat(create.status()).as("POST /api/grievances as " + role).isEqualTo(INTAKERS.contains(role) ? 201 : 403);

            Answer read = http.get(role, "/api/grievances/" + caseNumber);
            assertThat(read.status()).as("GET case as " + role).isEqualTo(READERS.contains(role) ? 200 : 403);
            assertThat(read.contentType()).as(role.name()).startsWith(READERS.contains(role)
                    ? "application/json" : "application/problem+json");

            // endpoints nobody has written yet fall under the default rule: readers GET, changers change
            Answer futureRead = http.get(role, "/api/grievances/" + caseNumber + "/not-yet-written");
            assertThat(futureRead.status()).as("GET future endpoint as " + role)
                    .isEqualTo(READERS.contains(role) ? 404 : 403);
            Answer futureChange = http.post(role, "/api/grievances/" + caseNumber + "/not-yet-written", "{}");
            assertThat(futureChange.status()).as("POST future endpoint as " + role)
                    .isEqualTo(CHANGERS.contains(role) ? 404 : 403);
            Answer futureDelete = http.call(role, HttpMethod.DELETE, "/api/grievances/" + caseNumber, null);
            assertThat(futureDelete.status()).as("DELETE case as " + role).isEqualTo(CHANGERS.contains(role) ? 405 : 403);

            if (!CHANGERS.contains(role)) {
                Answer withdraw = http.post(role, "/api/grievances/" + caseNumber + "/withdrawal",
                        "{\"note\":\"Patient phoned to withdraw.\"}");
                assertThat(withdraw.status()).as("withdrawal as " + role).isEqualTo(403);
            }
            // the API's description is open to every signed-in user: it holds no case data
            assertThat(http.get(role, "/v3/api-docs").status()).as("OpenAPI as " + role).isEqualTo(200);
        }
        assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().status()).isEqualTo("OPEN");
        for (Role role : CHANGERS) {
            String other = http.logCase("DIETARY");
            Answer withdraw = http.post(role, "/api/grievances/" + other + "/withdrawal",
                    "{\"note\":\"Patient phoned to withdraw.\"}");
            assertThat(withdraw.status()).as("withdrawal as " + role).isEqualTo(200);
            assertThat(cases.findByCaseNumber(other).orElseThrow().status()).isEqualTo("CLOSED");
        }
    }

    @Test
    void eachRoleSignsInToItsWebappsOnly() {
        Map<String, Set<Role>> allowed = Map.of(
                "tasklist", EnumSet.of(INTAKE, PATIENT_RELATIONS, DIRECTOR, NURSING_INVESTIGATOR, MEDICAL_INVESTIGATOR, ADMIN,
                        Role.APPEALS, CASE_MANAGER),
                "cockpit", EnumSet.of(DIRECTOR, AUDITOR, ADMIN),
                "admin", EnumSet.of(ADMIN));
        for (Map.Entry<String, Set<Role>> app : allowed.entrySet()) {
            for (Role role : Role.values()) {
                int status = users.webapp().logIn(role, app.getKey());
                assertThat(status).as(role + " signs in to " + app.getKey())
                        .isEqualTo(app.getValue().contains(role) ? 200 : 403);
            }
        }
    }

    @Test
    void investigatorsSeeAndWorkOnlyTheirDepartmentsInvestigation() {
        String nursingCase = http.logCase("NURSING");
        String medicalCase = http.logCase("PHYSICIAN");
        Task nursing = SecurityTestSupport.toInvestigation(tasks, nursingCase);
        Task medical = SecurityTestSupport.toInvestigation(tasks, medicalCase);

        // engine-rest, as Modeler, scripts and the REST API clients reach it
        assertThat(http.get(NURSING_INVESTIGATOR, "/engine-rest/task/" + nursing.getId()).status()).isEqualTo(200);
        assertThat(http.get(NURSING_INVESTIGATOR, "/engine-rest/task/" + medical.getId()).status()).isEqualTo(404);
        assertThat(http.get(NURSING_INVESTIGATOR, "/engine-rest/task/" + medical.getId() + "/form-variables").status())
                .isEqualTo(403);
        assertThat(http.get(NURSING_INVESTIGATOR, "/engine-rest/task?processInstanceBusinessKey=" + medicalCase)
                .json()).isEmpty();
        assertThat(http.get(NURSING_INVESTIGATOR, "/engine-rest/process-instance/" + processInstanceOf(medicalCase)
                + "/variables").status()).isEqualTo(403);
        assertThat(http.get(NURSING_INVESTIGATOR, "/engine-rest/history/variable-instance?processInstanceId="
                + processInstanceOf(medicalCase)).json()).isEmpty();
        assertThat(http.post(NURSING_INVESTIGATOR, "/engine-rest/task/" + medical.getId() + "/claim",
                "{\"userId\":\"" + NURSING_INVESTIGATOR.userId() + "\"}").status()).isEqualTo(403);
        assertThat(http.post(NURSING_INVESTIGATOR, "/engine-rest/task/" + medical.getId() + "/complete",
                "{\"variables\":{\"findings\":{\"value\":\"x\"}}}").status()).isEqualTo(404);
        assertThat(tasks.createTaskQuery().taskId(medical.getId()).singleResult().getAssignee()).isNull();

        // Tasklist's own calls go to the same resources behind the webapp session
        WebappSession tasklist = users.webapp();
        assertThat(tasklist.logIn(NURSING_INVESTIGATOR, "tasklist")).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + nursing.getId()).statusCode()).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/" + medical.getId()).statusCode()).isEqualTo(404);
        assertThat(tasklist.postJson("/camunda/api/engine/engine/default/task/" + medical.getId() + "/submit-form",
                "{\"variables\":{}}").statusCode()).isEqualTo(404);
        assertThat(tasks.createTaskQuery().taskId(medical.getId()).count()).isEqualTo(1);

        // each investigator claims and completes their own
        work(NURSING_INVESTIGATOR, nursing);
        work(MEDICAL_INVESTIGATOR, medical);
        assertThat(SecurityTestSupport.task(tasks, nursingCase, "codeIssue")).isNotNull();
        assertThat(SecurityTestSupport.task(tasks, medicalCase, "codeIssue")).isNotNull();

        // the engine saw the person: the user operation log names them (read by the auditor)
        Answer log = http.get(AUDITOR, "/engine-rest/history/user-operation?taskId=" + nursing.getId());
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().findValuesAsText("userId")).contains(NURSING_INVESTIGATOR.userId());
        assertThat(history.createHistoricTaskInstanceQuery().taskId(nursing.getId()).singleResult().getAssignee())
                .isEqualTo(NURSING_INVESTIGATOR.userId());
    }

    void work(Role role, Task task) {
        assertThat(http.post(role, "/engine-rest/task/" + task.getId() + "/claim",
                "{\"userId\":\"" + role.userId() + "\"}").status()).as(role + " claims").isEqualTo(204);
        assertThat(http.post(role, "/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":{\"findings\":{\"value\":\"Checked the bell log.\"},"
                        + "\"issue1\":{\"value\":\"The call bell went unanswered\"},"
                        + "\"stepsTaken\":{\"value\":\"Interviewed the night staff.\"}}}").status())
                .as(role + " completes").isEqualTo(204);
    }

    /** Tasklist offers "Create task" without asking the engine; no staff role may create one (docs/security.md). */
    @Test
    void noStaffRoleMayCreateTasks() {
        for (Role role : List.of(INTAKE, PATIENT_RELATIONS, DIRECTOR, AUDITOR, NURSING_INVESTIGATOR,
                MEDICAL_INVESTIGATOR)) {
            assertThat(authorizations.isUserAuthorized(role.userId(), role.groups(), Permissions.CREATE, Resources.TASK))
                    .as(role + " holds CREATE on Task").isFalse();
            assertThat(http.post(role, "/engine-rest/task/create", "{\"name\":\"Made up\"}").status())
                    .as(role + " creates a task").isEqualTo(403);
        }
        // the control: the check can say yes
        assertThat(authorizations.isUserAuthorized(ADMIN.userId(), ADMIN.groups(), Permissions.CREATE, Resources.TASK))
                .isTrue();
    }

    @Test
    void auditorsReadDefinitionsInstancesAndHistoryButChangeNothing() {
        String caseNumber = http.logCase("BILLING");
        String pid = processInstanceOf(caseNumber);
        Task confirm = SecurityTestSupport.task(tasks, caseNumber, "confirmClassification");

        assertThat(http.get(AUDITOR, "/api/grievances/" + caseNumber).status()).isEqualTo(200);
        assertThat(http.get(AUDITOR, "/engine-rest/process-definition/key/grievance").status()).isEqualTo(200);
        assertThat(http.get(AUDITOR, "/engine-rest/process-instance/" + pid).status()).isEqualTo(200);
        assertThat(http.get(AUDITOR, "/engine-rest/history/process-instance?processInstanceId=" + pid).json()).hasSize(1);
        assertThat(http.get(AUDITOR, "/engine-rest/history/variable-instance?processInstanceId=" + pid).json())
                .isNotEmpty();
        assertThat(http.get(AUDITOR, "/engine-rest/history/activity-instance?processInstanceId=" + pid).json())
                .isNotEmpty();
        assertThat(http.get(AUDITOR, "/engine-rest/history/decision-instance?processInstanceId=" + pid).json())
                .isNotEmpty();
        assertThat(http.get(AUDITOR, "/engine-rest/history/user-operation").status()).isEqualTo(200);

        assertThat(http.post(AUDITOR, "/engine-rest/process-definition/key/grievance/start", "{}").status())
                .isEqualTo(403);
        assertThat(http.call(AUDITOR, HttpMethod.DELETE, "/engine-rest/process-instance/" + pid, null).status())
                .isEqualTo(403);
        assertThat(http.call(AUDITOR, HttpMethod.PUT, "/engine-rest/process-instance/" + pid + "/variables/note",
                "{\"value\":\"changed\",\"type\":\"String\"}").status()).isEqualTo(403);
        assertThat(http.post(AUDITOR, "/engine-rest/process-instance/" + pid + "/suspended",
                "{\"suspended\":true}").status()).isEqualTo(403);
        assertThat(http.call(AUDITOR, HttpMethod.PUT, "/engine-rest/process-instance/" + pid + "/suspended",
                "{\"suspended\":true}").status()).isEqualTo(403);
        assertThat(http.get(AUDITOR, "/engine-rest/task/" + confirm.getId()).status()).isEqualTo(404);
        assertThat(http.post(AUDITOR, "/engine-rest/task/" + confirm.getId() + "/complete", "{}").status())
                .isEqualTo(404);
        assertThat(http.get(AUDITOR, "/engine-rest/deployment").json()).isEmpty();
        assertThat(http.post(AUDITOR, "/engine-rest/authorization/create",
                "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"secauditor\",\"resourceType\":6,\"resourceId\":\"*\"}")
                .status()).isEqualTo(403);
        assertThat(http.post(AUDITOR, "/engine-rest/message", "{\"messageName\":\"GrievanceWithdrawn\","
                + "\"processInstanceId\":\"" + pid + "\"}").status()).isEqualTo(403);
        // nothing changed
        assertThat(tasks.createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
        assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().status()).isEqualTo("OPEN");
    }

    @Test
    void intakeStartsGrievancesAndWorksOnlyIntakeTasks() {
        String caseNumber = http.logCase("DIETARY");
        Task confirm = SecurityTestSupport.task(tasks, caseNumber, "confirmClassification");
        assertThat(http.get(INTAKE, "/engine-rest/process-definition?key=grievance").json()).hasSize(1);
        assertThat(http.get(INTAKE, "/engine-rest/process-definition?key=investigation").json()).isEmpty();
        assertThat(http.post(INTAKE, "/engine-rest/process-definition/key/investigation/start", "{}").status())
                .isEqualTo(404);
        assertThat(http.get(INTAKE, "/engine-rest/history/process-instance").json()).isEmpty();

        // the default task permission is TASK_WORK: a candidate may work a task, not change or reschedule it
        assertThat(http.call(INTAKE, HttpMethod.PUT, "/engine-rest/task/" + confirm.getId(),
                "{\"name\":\"Renamed\",\"due\":\"2030-01-01T00:00:00.000+0000\"}").status()).isEqualTo(403);
        assertThat(http.post(INTAKE, "/engine-rest/task/" + confirm.getId() + "/claim",
                "{\"userId\":\"" + INTAKE.userId() + "\"}").status()).isEqualTo(204);
        assertThat(http.post(INTAKE, "/engine-rest/task/" + confirm.getId() + "/complete",
                "{\"variables\":{\"classification\":{\"value\":\"GRIEVANCE\"}}}").status()).isEqualTo(204);

        Task acknowledge = SecurityTestSupport.task(tasks, caseNumber, "acknowledgeReceipt");
        assertThat(http.get(INTAKE, "/engine-rest/task/" + acknowledge.getId()).status()).isEqualTo(404);
        assertThat(http.post(INTAKE, "/engine-rest/task/" + acknowledge.getId() + "/complete", "{}").status())
                .isEqualTo(404);
    }

    /**
     * Patient relations read every case (instances, history) but, like every group, only the tasks of their own
     * group or assigned to them: a definition-wide READ_TASK showed them the director's approvals and abuse
     * reviews, patient name and complaint included, and offered a Claim that failed.
     */
    @Test
    void patientRelationsReadAndWorkOnlyTheirGroupsTasks() {
        String caseNumber = http.logCase("NURSING");
        String pid = processInstanceOf(caseNumber);
        Task confirm = SecurityTestSupport.task(tasks, caseNumber, "confirmClassification");
        assertThat(http.get(PATIENT_RELATIONS, "/engine-rest/task/" + confirm.getId()).status()).isEqualTo(404);
        tasks.complete(confirm.getId(), Map.of("classification", "GRIEVANCE"));
        Task acknowledge = SecurityTestSupport.task(tasks, caseNumber, "acknowledgeReceipt");
        assertThat(http.get(PATIENT_RELATIONS, "/engine-rest/task/" + acknowledge.getId()).status()).isEqualTo(200);
        tasks.complete(acknowledge.getId(), Map.of("acknowledgedVia", "PHONE"));
        Task investigation = SecurityTestSupport.task(tasks, caseNumber, "gatherFindings");
        assertThat(http.get(PATIENT_RELATIONS, "/engine-rest/task/" + investigation.getId()).status()).isEqualTo(404);
        assertThat(http.get(PATIENT_RELATIONS, "/engine-rest/task?processInstanceBusinessKey=" + caseNumber).json())
                .isEmpty();
        // a task they may not read does not exist for them
        assertThat(http.post(PATIENT_RELATIONS, "/engine-rest/task/" + investigation.getId() + "/complete", "{}")
                .status()).isEqualTo(404);
        assertThat(tasks.createTaskQuery().taskId(investigation.getId()).count()).isEqualTo(1);
        // the case itself they still read
        assertThat(http.get(PATIENT_RELATIONS, "/engine-rest/process-instance/" + pid).status()).isEqualTo(200);
        assertThat(http.get(PATIENT_RELATIONS, "/api/grievances/" + caseNumber).status()).isEqualTo(200);
        assertThat(http.call(PATIENT_RELATIONS, HttpMethod.DELETE, "/engine-rest/process-instance/" + pid, null)
                .status()).isEqualTo(403);
        assertThat(http.get(PATIENT_RELATIONS, "/engine-rest/deployment").json()).isEmpty();

        // the director reads deployments (Cockpit, Modeler) and may work any grievance task
        assertThat(http.get(DIRECTOR, "/engine-rest/deployment").json()).isNotEmpty();
        assertThat(http.get(DIRECTOR, "/engine-rest/task/" + investigation.getId()).status()).isEqualTo(200);

        // nobody but administrators manages users and authorizations
        for (Role role : List.of(INTAKE, PATIENT_RELATIONS, DIRECTOR, AUDITOR, NURSING_INVESTIGATOR, NO_GROUP)) {
            assertThat(http.post(role, "/engine-rest/user/create", "{\"profile\":{\"id\":\"intruder" + role.ordinal()
                    + "\"},\"credentials\":{\"password\":\"Intruder-pw-123\"}}").status()).as(role.name()).isEqualTo(403);
            assertThat(http.post(role, "/engine-rest/group/" + "pr-director" + "/members/" + role.userId(), null)
                    .status()).as(role.name()).isEqualTo(403);
            assertThat(http.call(role, HttpMethod.PUT, "/engine-rest/group/pr-director/members/" + role.userId(), null)
                    .status()).as(role.name()).isEqualTo(403);
        }
        assertThat(http.get(ADMIN, "/engine-rest/authorization?groupId=auditor").json()).isNotEmpty();
    }
}
