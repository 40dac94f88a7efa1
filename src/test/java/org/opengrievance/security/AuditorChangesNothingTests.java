package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.DIRECTOR;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The auditor changes nothing, through any surface: engine-rest with HTTP Basic, the webapps' engine API
 * ({@code /camunda/api/engine/...}, what Cockpit calls) with the Cockpit session and its CSRF token, and the
 * project's API with Basic and with the session and token. Each attempt gets its own status; afterwards the case,
 * its process, tasks, variables, timers, notifications and history are what they were, and the engine's user
 * operation log names no change by the auditor.
 *
 * <p>The same engine writes for every role (and many more: restart, history deletion, jobs, identity links) are in
 * {@code gate.EngineRestBypassTests.nobodyButTheAdministratorModifiesSuspendsDeletesOrReschedules}, and the auditor's
 * reads in {@code RoleMatrixTests.auditorsReadDefinitionsInstancesAndHistoryButChangeNothing}; this class adds the
 * webapp session, the project's API and one place that lists what an auditor might try.
 */
@GrievanceAppTest
class AuditorChangesNothingTests {

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @Autowired TestUsers users;
    @Autowired GrievanceCaseRepository cases;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    SecurityTestSupport http;

    @Autowired
    void http(TestUsers users) {
        this.http = new SecurityTestSupport(users);
    }

    /** One thing an auditor might try on the engine, and the status each engine surface answers. */
    record Attempt(String what, HttpMethod method, String path, String body, int status) {
    }

    /** Everything that could tell a change: the case as the API shows it and the engine's own state and history. */
    record Snapshot(JsonNode caseView, String status, Map<String, Object> variables, List<String> tasks,
            boolean suspended, long instances, List<String> timers, long historicDetails, long notifications,
            long auditorOperations) {
    }

    Snapshot snapshot(String caseNumber, String pid) {
        return new Snapshot(http.get(DIRECTOR, "/api/grievances/" + caseNumber).json(),
                cases.findByCaseNumber(caseNumber).orElseThrow().status(),
                new TreeMap<>(runtime.getVariables(pid)),
                tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().stream()
                        .map(t -> t.getId() + ":" + t.getTaskDefinitionKey() + ":" + t.getAssignee() + ":"
                                + (t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                        .sorted().toList(),
                runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult().isSuspended(),
                runtime.createProcessInstanceQuery().count(),
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                        .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).list().stream())
                        .map(j -> j.getId() + "@" + j.getDuedate().toInstant() + ":" + j.isSuspended()).sorted().toList(),
                history.createHistoricDetailQuery().processInstanceId(pid).count(),
                jdbc.sql("SELECT COUNT(*) FROM notification_event WHERE case_number = ?").param(caseNumber)
                        .query(Long.class).single(),
                history.createUserOperationLogQuery().userId(AUDITOR.userId()).count());
    }

    static List<Attempt> engineAttempts(String pid, Task task) {
        String t = "/task/" + task.getId();
        String pi = "/process-instance/" + pid;
        return List.of(
                // the auditor has no right on tasks: the engine does not even show them the task
                new Attempt("complete a task", HttpMethod.POST, t + "/complete",
                        "{\"variables\":{\"classification\":{\"value\":\"COMPLAINT\"}}}", 404),
                new Attempt("submit a task's form", HttpMethod.POST, t + "/submit-form",
                        "{\"variables\":{\"classification\":{\"value\":\"COMPLAINT\"}}}", 404),
                new Attempt("claim a task", HttpMethod.POST, t + "/claim", "{\"userId\":\"" + AUDITOR.userId() + "\"}", 403),
                new Attempt("change a task variable", HttpMethod.PUT, t + "/variables/classification",
                        "{\"value\":\"COMPLAINT\"}", 403),
                new Attempt("change a process variable", HttpMethod.PUT, pi + "/variables/classification",
                        "{\"value\":\"COMPLAINT\"}", 403),
                new Attempt("change process variables", HttpMethod.POST, pi + "/variables",
                        "{\"modifications\":{\"classification\":{\"value\":\"COMPLAINT\"}}}", 403),
                new Attempt("delete a process variable", HttpMethod.DELETE, pi + "/variables/classification", null, 403),
                new Attempt("modify a process instance", HttpMethod.POST, pi + "/modification",
                        "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\","
                                + "\"activityId\":\"closeGrievance\"},{\"type\":\"cancel\",\"activityId\":\"confirmClassification\"}]}",
                        403),
                new Attempt("suspend a process instance", HttpMethod.PUT, pi + "/suspended", "{\"suspended\":true}", 403),
                new Attempt("delete a process instance", HttpMethod.DELETE, pi + "?skipCustomListeners=true", null, 403),
                new Attempt("start a process", HttpMethod.POST, "/process-definition/key/grievance/start",
                        "{\"variables\":{}}", 403),
                new Attempt("submit a start form", HttpMethod.POST, "/process-definition/key/grievance/submit-form",
                        "{\"variables\":{}}", 403),
                new Attempt("withdraw a case by message", HttpMethod.POST, "/message",
                        "{\"messageName\":\"GrievanceWithdrawn\",\"processInstanceId\":\"" + pid + "\"}", 403));
    }

    static List<Attempt> apiAttempts(String caseNumber) {
        String c = "/api/grievances/" + caseNumber;
        return List.of(
                new Attempt("withdraw a case", HttpMethod.POST, c + "/withdrawal", "{\"note\":\"Patient phoned.\"}", 403),
                new Attempt("record an oral notification", HttpMethod.POST, c + "/notifications/oral",
                        "{\"kind\":\"RESOLUTION\",\"notifiedAt\":\"2026-12-09T15:00:00-06:00\"}", 403),
                new Attempt("extend a clock", HttpMethod.POST, c + "/clocks/HOSPITAL_COP/extension",
                        "{\"requestedBy\":\"ENROLLEE\",\"days\":14,\"reason\":\"More time\"}", 403),
                new Attempt("expedite a clock", HttpMethod.POST, c + "/clocks/HOSPITAL_COP/expedite",
                        "{\"trigger\":\"ENROLLEE_REQUEST\"}", 403),
                new Attempt("log a new complaint", HttpMethod.POST, "/api/grievances",
                        SecurityTestSupport.intake("BILLING", "Pat Testpatient", "A complaint."), 403),
                new Attempt("change the access log", HttpMethod.POST, "/api/audit/access-log", "{}", 403));
    }

    @Test
    void theAuditorChangesNothingThroughEngineRestTheWebappsEngineApiOrTheProjectsApi() {
        String caseNumber = http.logCase("BILLING");
        String pid = cases.findByCaseNumber(caseNumber).orElseThrow().processInstanceId();
        Task task = SecurityTestSupport.task(tasks, caseNumber, "confirmClassification");
        Snapshot before = snapshot(caseNumber, pid);
        WebappSession cockpit = users.webapp();
        assertThat(cockpit.logIn(AUDITOR, "cockpit")).isEqualTo(200);
        // the session works: the auditor reads the same case through both doors
        assertThat(cockpit.send("GET", WEBAPP_ENGINE + "/process-instance/" + pid, null).statusCode()).isEqualTo(200);
        assertThat(cockpit.send("GET", "/api/grievances/" + caseNumber, null).statusCode()).isEqualTo(200);

        for (Attempt a : engineAttempts(pid, task)) {
            SecurityTestSupport.Answer basic = http.call(AUDITOR, a.method(), ENGINE_REST + a.path(), a.body());
            assertThat(basic.status()).as("engine-rest: " + a.what() + " " + basic.body()).isEqualTo(a.status());
            HttpResponse<String> webapp = cockpit.send(a.method().name(), WEBAPP_ENGINE + a.path(), a.body(),
                    "X-XSRF-TOKEN", cockpit.csrfToken());
            assertThat(webapp.statusCode()).as("Cockpit session: " + a.what() + " " + webapp.body()).isEqualTo(a.status());
        }
        for (Attempt a : apiAttempts(caseNumber)) {
            SecurityTestSupport.Answer basic = http.call(AUDITOR, a.method(), a.path(), a.body());
            assertThat(basic.status()).as("API with Basic: " + a.what()).isEqualTo(a.status());
            assertThat(basic.body()).as(a.what()).contains("urn:grievance:problem:forbidden");
            HttpResponse<String> session = cockpit.send(a.method().name(), a.path(), a.body(),
                    "X-XSRF-TOKEN", cockpit.csrfToken(), "X-Grievance-Surface", "cockpit");
            assertThat(session.statusCode()).as("API with the Cockpit session: " + a.what()).isEqualTo(a.status());
            assertThat(session.body()).as(a.what()).contains("urn:grievance:problem:forbidden");
        }

        // the session is still signed in (no refusal logged the auditor out), and nothing changed
        assertThat(cockpit.send("GET", "/api/grievances/" + caseNumber, null).statusCode()).isEqualTo(200);
        assertThat(snapshot(caseNumber, pid)).isEqualTo(before);
        assertThat(before.status()).isEqualTo("OPEN");
        assertThat(before.suspended()).isFalse();
        // the confirmation is its initiator's (intake), untouched by the auditor's claim
        assertThat(before.tasks()).singleElement().asString()
                .startsWith(task.getId() + ":confirmClassification:" + TestUsers.Role.INTAKE.userId() + ":");
    }
}
