package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.ADMIN;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.DIRECTOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.NURSING_INVESTIGATOR;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers.Role;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Each way around the rules a hostile member of staff found through engine-rest, tried again and refused;
 * afterwards the case as the API shows it, its history and its clocks are what they were.
 */
@GrievanceAppTest
class EngineRestBypassTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired GrievanceCaseRepository cases;
    GateHttp http;

    @BeforeEach
    void setUp() {
        http = new GateHttp(users);
    }

    /** What must not change: the API's view of the case, its history and its timers. */
    record Snapshot(JsonNode apiView, long historicActivities, long variableUpdates, List<String> timers) {
    }

    Snapshot snapshot(String caseNumber) {
        String pi = processOf(caseNumber);
        return new Snapshot(http.get(PATIENT_RELATIONS, "/api/grievances/" + caseNumber).json(),
                history.createHistoricActivityInstanceQuery().processInstanceId(pi).count()
                        + history.createHistoricProcessInstanceQuery().superProcessInstanceId(pi).count(),
                history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                        .mapToLong(p -> history.createHistoricDetailQuery().processInstanceId(p.getId()).count()).sum(),
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().stream()
                        .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).list().stream())
                        .map(j -> j.getId() + "@" + j.getDuedate().toInstant() + (j.isSuspended() ? " suspended" : ""))
                        .sorted().toList());
    }

    String processOf(String caseNumber) {
        return cases.findByCaseNumber(caseNumber).orElseThrow().processInstanceId();
    }

    String clockOf(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("hospitalClock").singleResult().getId();
    }

    /** Printed at the end: how many ways around the rules were tried, and how many were refused. */
    static final java.util.concurrent.atomic.AtomicInteger TRIED = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger REFUSED = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.AfterAll
    static void printCounts() {
        System.out.println("engine-rest bypass checks: " + TRIED.get() + " tried, " + REFUSED.get() + " refused");
    }

    void refused(Role role, HttpMethod method, String path, String body, int status) {
        TRIED.incrementAndGet();
        GateHttp.Answer a = http.call(role, method, path, body);
        if (a.status() == status) {
            REFUSED.incrementAndGet();
        }
        assertThat(a.status()).as(role + " " + method + " " + path + ": " + a.body()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body()).doesNotContain("Exception", "ENGINE-", "org.camunda", "SQL", "ACT_");
    }

    @Test
    void aCompletionCannotPointTheListenersAtAnotherCase() {
        String victim = http.logCase("NURSING");
        Task victimTask = SecurityTasks.toInvestigation(tasks, victim);
        Snapshot before = snapshot(victim);
        String attacker = http.logCase("NURSING");
        Task own = tasks.createTaskQuery().processInstanceBusinessKey(attacker)
                .taskDefinitionKey("confirmClassification").singleResult();

        refused(INTAKE, HttpMethod.POST, "/engine-rest/task/" + own.getId() + "/complete", GateHttp.json(Map.of(
                "variables", Map.of("classification", Map.of("value", "COMPLAINT"),
                        "caseNumber", Map.of("value", victim), "overrideReason", Map.of("value", "Resolved at bedside.")))),
                400);

        assertThat(snapshot(victim)).isEqualTo(before);
        assertThat(tasks.createTaskQuery().taskId(victimTask.getId()).count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskId(own.getId()).count()).isEqualTo(1);
        assertThat(cases.findByCaseNumber(attacker).orElseThrow().status()).isEqualTo("OPEN");
    }

    @Test
    void anInvestigatorWritesOnlyFindingsAndCoding() {
        String caseNumber = http.logCase("NURSING");
        Task gather = SecurityTasks.toInvestigation(tasks, caseNumber);
        Snapshot before = snapshot(caseNumber);
        String complete = "/engine-rest/task/" + gather.getId() + "/complete";

        refused(NURSING_INVESTIGATOR, HttpMethod.POST, complete, "{}", 400);
        refused(NURSING_INVESTIGATOR, HttpMethod.POST, complete, GateHttp.json(Map.of("variables", Map.of(
                "issue1", Map.of("value", "Bell"), "findings", Map.of("value", "Staffing."),
                "stepsTaken", Map.of("value", "Float nurse."), "responseDueAt", Map.of("value", "2099-01-01T00:00:00Z"),
                "abuseOrNeglect", Map.of("value", false)))), 400);
        refused(NURSING_INVESTIGATOR, HttpMethod.POST, complete, GateHttp.json(Map.of("variables", Map.of(
                "issue1", Map.of("value", "Bell"), "findings", Map.of("value", "Staffing."),
                "stepsTaken", Map.of("value", "Float nurse."), "patientName", Map.of("value", "Someone Else")))), 400);
        assertThat(snapshot(caseNumber)).isEqualTo(before);

        tasks.complete(gather.getId(), Map.of("issue1", "Bell", "findings", "Staffing.", "stepsTaken", "Float nurse."));
        Task code = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("codeIssue")
                .singleResult();
        refused(NURSING_INVESTIGATOR, HttpMethod.POST, "/engine-rest/task/" + code.getId() + "/complete",
                GateHttp.json(Map.of("variables", Map.of("hcatCategory", Map.of("value", "QUALITY"),
                        "hcatSeverity", Map.of("value", "9"), "harmLevel", Map.of("value", "0")))), 400);
        assertThat(tasks.createTaskQuery().taskId(code.getId()).count()).isEqualTo(1);
    }

    @Test
    void nobodyButTheAdministratorModifiesSuspendsDeletesOrReschedules() {
        String caseNumber = http.logCase("NURSING");
        SecurityTasks.toInvestigation(tasks, caseNumber);
        String pi = processOf(caseNumber);
        String clock = clockOf(caseNumber);
        Job timer = management.createJobQuery().processInstanceId(clock).timers().list().get(0);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().get(0);
        Snapshot before = snapshot(caseNumber);
        String deployment = repository.createProcessDefinitionQuery().processDefinitionKey("grievance").latestVersion()
                .singleResult().getDeploymentId();

        for (Role role : List.of(INTAKE, PATIENT_RELATIONS, DIRECTOR, AUDITOR, NURSING_INVESTIGATOR)) {
            refused(role, HttpMethod.POST, "/engine-rest/process-instance/" + pi + "/modification",
                    "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\","
                            + "\"activityId\":\"closeGrievance\"},{\"type\":\"cancel\",\"activityId\":\"confirmClassification\"}]}",
                    403);
            refused(role, HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/duedate",
                    "{\"duedate\":\"2099-01-01T00:00:00.000+0000\"}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/job/" + timer.getId() + "/duedate/recalculate", null, 403);
            refused(role, HttpMethod.PUT, "/engine-rest/job/" + timer.getId() + "/suspended", "{\"suspended\":true}", 403);
            refused(role, HttpMethod.PUT, "/engine-rest/process-instance/" + clock + "/suspended",
                    "{\"suspended\":true}", 403);
            refused(role, HttpMethod.PUT, "/engine-rest/process-definition/key/hospitalClock/suspended",
                    "{\"suspended\":true,\"includeProcessInstances\":true}", 403);
            refused(role, HttpMethod.DELETE, "/engine-rest/process-instance/" + pi + "?skipCustomListeners=true", null, 403);
            refused(role, HttpMethod.POST, "/engine-rest/process-instance/delete",
                    "{\"processInstanceIds\":[\"" + pi + "\"],\"skipCustomListeners\":true}", 403);
            refused(role, HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/variables/responseDueAt",
                    "{\"value\":\"2099-01-01T00:00:00.000+0000\",\"type\":\"Date\"}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/process-instance/" + pi + "/variables",
                    "{\"modifications\":{\"abuseOrNeglect\":{\"value\":false}}}", 403);
            refused(role, HttpMethod.PUT, "/engine-rest/execution/" + pi + "/localVariables/classification",
                    "{\"value\":\"COMPLAINT\"}", 403);
            refused(role, HttpMethod.PUT, "/engine-rest/task/" + task.getId() + "/variables/caseNumber",
                    "{\"value\":\"GRV-2026-000001\"}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/message", "{\"messageName\":\"GrievanceWithdrawn\","
                    + "\"businessKey\":\"" + caseNumber + "\",\"processVariables\":{\"closureReason\":{\"value\":\"RESOLVED\"}}}",
                    403);
            refused(role, HttpMethod.POST, "/engine-rest/process-definition/key/grievance/restart",
                    "{\"processInstanceIds\":[\"" + pi + "\"],\"instructions\":[{\"type\":\"startAfterActivity\","
                            + "\"activityId\":\"registerCase\"}]}", 403);
            refused(role, HttpMethod.DELETE, "/engine-rest/history/process-instance/" + pi, null, 403);
            refused(role, HttpMethod.POST, "/engine-rest/history/process-instance/delete",
                    "{\"historicProcessInstanceIds\":[\"" + pi + "\"]}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/history/cleanup", null, 403);
            refused(role, HttpMethod.DELETE, "/engine-rest/deployment/" + deployment + "?cascade=true", null, 403);
            refused(role, HttpMethod.POST, "/engine-rest/task/create", "{\"name\":\"Side task\"}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/comment/create",
                    "{\"message\":\"off the record\"}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/identity-links",
                    "{\"groupId\":\"auditor\",\"type\":\"candidate\"}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/bpmnError",
                    "{\"errorCode\":\"x\"}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/batch/x/suspended", "{\"suspended\":true}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/job/" + timer.getId() + "/retries", "{\"retries\":0}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/task/" + task.getId() + "/claim",
                    "{\"userId\":\"someoneelse\"}", 403);
            refused(role, HttpMethod.PUT, "/engine-rest/user/" + ADMIN.userId() + "/profile",
                    "{\"id\":\"" + ADMIN.userId() + "\",\"firstName\":\"Mallory\"}", 403);
        }
        // the processes the grievance starts itself: refused to those who may start processes, unseen by others
        long instancesBefore = runtime.createProcessInstanceQuery().count();
        for (Role role : List.of(PATIENT_RELATIONS, DIRECTOR)) {
            refused(role, HttpMethod.POST, "/engine-rest/process-definition/key/hospitalClock/start",
                    "{\"variables\":{}}", 403);
            refused(role, HttpMethod.POST, "/engine-rest/process-definition/key/letterDelivery/submit-form",
                    "{\"variables\":{}}", 403);
        }
        refused(INTAKE, HttpMethod.POST, "/engine-rest/process-definition/key/hospitalClock/start",
                "{\"variables\":{}}", 404);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertThat(snapshot(caseNumber)).isEqualTo(before);
        assertThat(repository.createDeploymentQuery().deploymentId(deployment).count()).isEqualTo(1);
    }

    @Test
    void theAdministratorsChangesLandInTheUserOperationLog() {
        String caseNumber = http.logCase("NURSING");
        SecurityTasks.toInvestigation(tasks, caseNumber);
        String clock = clockOf(caseNumber);
        GateHttp.Answer suspend = http.call(ADMIN, HttpMethod.PUT, "/engine-rest/process-instance/" + clock + "/suspended",
                "{\"suspended\":true}");
        assertThat(suspend.status()).isEqualTo(204);
        assertThat(history.createUserOperationLogQuery().processInstanceId(clock).userId(ADMIN.userId())
                .operationType("Suspend").count()).isEqualTo(1);
        runtime.activateProcessInstanceById(clock);
    }

    @Test
    void theStartOfACaseWritesOnlyTheStartFormsFieldsAndTheSignedInPersonIsItsCreator() {
        long before = cases.count();
        refused(INTAKE, HttpMethod.POST, "/engine-rest/process-definition/key/grievance/start", GateHttp.json(Map.of(
                "variables", Map.of("channel", Map.of("value", "LETTER"), "receivedAt",
                        Map.of("value", "2026-12-09T10:00:00-06:00"), "patientName", Map.of("value", Patients.unique()),
                        "complaintText", Map.of("value", "Rude porter."), "serviceArea", Map.of("value", "NURSING"),
                        "preferredLanguage", Map.of("value", "en"), "initiator", Map.of("value", "diana")))), 400);
        refused(INTAKE, HttpMethod.POST, "/engine-rest/process-definition/key/grievance/start", GateHttp.json(Map.of(
                "businessKey", "GRV-2026-000001", "variables", Map.of())), 400);
        refused(INTAKE, HttpMethod.POST, "/engine-rest/process-definition/key/grievance/start", GateHttp.json(Map.of(
                "variables", Map.of(), "skipCustomListeners", true)), 400);
        assertThat(cases.count()).isEqualTo(before);

        GateHttp.Answer started = http.post(INTAKE, "/engine-rest/process-definition/key/grievance/submit-form",
                GateHttp.json(Map.of("variables", Map.of("channel", Map.of("value", "LETTER"), "receivedAt",
                        Map.of("value", "2026-12-09T10:00:00-06:00"), "patientName", Map.of("value", Patients.unique()),
                        "complaintText", Map.of("value", "Rude porter."), "serviceArea", Map.of("value", "NURSING"),
                        "preferredLanguage", Map.of("value", "en")))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String caseNumber = started.json().path("businessKey").asText();
        assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().createdBy()).isEqualTo(INTAKE.userId());
    }

    @Test
    void theStartFormsContactDetailsReachTheCaseRecordButNeverTheEnginesHistory() {
        String email = "Zq-START-EMAIL@example.org";
        GateHttp.Answer started = http.post(INTAKE, "/engine-rest/process-definition/key/grievance/submit-form",
                GateHttp.json(Map.of("variables", Map.of("channel", Map.of("value", "EMAIL"), "receivedAt",
                        Map.of("value", "2026-12-09T10:00:00-06:00"), "patientName", Map.of("value", Patients.unique()),
                        "complaintText", Map.of("value", "Nobody answered the bell."), "serviceArea",
                        Map.of("value", "NURSING"), "preferredLanguage", Map.of("value", "en"),
                        "patientEmail", Map.of("value", email), "memberId", Map.of("value", "ZqSTARTMEMBER"),
                        "medicareBeneficiary", Map.of("value", true)))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String caseNumber = started.json().path("businessKey").asText();
        assertThat(cases.contact(caseNumber).email()).isEqualTo(email);
        assertThat(cases.contact(caseNumber).medicareBeneficiary()).isTrue();
        String pi = processOf(caseNumber);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi)
                .variableNameIn("patientEmail", "memberId", "medicareBeneficiary").count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(pi).list().stream()
                .map(Object::toString).filter(d -> d.contains("Zq-START") || d.contains("ZqSTART"))).isEmpty();
    }

    @Test
    void typedValuesAndOversizedBodiesAreRefused() {
        String caseNumber = http.logCase("NURSING");
        Task confirm = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("confirmClassification").singleResult();
        String complete = "/engine-rest/task/" + confirm.getId() + "/complete";
        Snapshot before = snapshot(caseNumber);
        for (String type : List.of("Json", "Bytes", "Object", "File", "Xml", "Date")) {
            refused(INTAKE, HttpMethod.POST, complete, "{\"variables\":{\"classification\":{\"value\":\"GRIEVANCE\","
                    + "\"type\":\"" + type + "\"}}}", 400);
        }
        refused(INTAKE, HttpMethod.POST, complete, "{\"variables\":{\"overrideReason\":{\"value\":\"[1]\",\"type\":\"Json\","
                + "\"valueInfo\":{\"serializationDataFormat\":\"application/json\"}}}}", 400);
        refused(INTAKE, HttpMethod.POST, complete, "{\"variables\":{\"classification\":{\"value\":\"GRIEVANCE\"}},"
                + "\"variables\":{}}", 400);
        refused(INTAKE, HttpMethod.POST, complete, "{\"variables\":{\"classification\":{\"value\":\"GRIEVANCE\"}}} trailing",
                400);
        refused(INTAKE, HttpMethod.POST, complete, "{\"variables\":{\"classification\":{\"value\":\"" + "x".repeat(70_000)
                + "\"}}}", 413);
        GateHttp.Answer latin1 = http.call(INTAKE, HttpMethod.POST, complete,
                "{\"variables\":{\"classification\":{\"value\":\"GRIEVANCE\"}}}", "application/json;charset=ISO-8859-1");
        assertThat(latin1.status()).isEqualTo(415);
        assertThat(snapshot(caseNumber)).isEqualTo(before);
    }
}
