package org.opengrievance.casehistory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.JsonAnswers;
import org.opengrievance.support.JsonAnswers.Answer;
import org.opengrievance.support.StaffSteps;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/audit/cases/{n}/history} for a grievance the test users took from intake to closure, each
 * signed in as themselves: the instances it ran, the path and the counts, who claimed and who completed each
 * task, what each form carried, the decisions with their inputs and outputs, the operation log; the BPMN of the
 * definitions; refusals; the PHI access log.
 */
@GrievanceAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseHistoryApiTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired JdbcTemplate jdbc;
    @Autowired HistoryService engineHistory;

    String caseNumber;
    JsonNode history;

    @BeforeAll
    void closeACase() {
        String body = """
                {"channel":"LETTER","receivedAt":"2026-12-04T16:30:00-06:00","patientName":"Pat Historypatient",
                 "complaintText":"The meals arrived cold three days running.","serviceArea":"NURSING",
                 "responseRequested":false,"preferredLanguage":"en"}""";
        caseNumber = users.as(Role.INTAKE).post().uri("/api/grievances").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(JsonNode.class).get("caseNumber").asText();
        new StaffSteps(tasks, forms, identity).closeNursingGrievance(caseNumber);
        Answer answer = JsonAnswers.get(users.as(Role.AUDITOR), "/api/audit/cases/" + caseNumber + "/history");
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        history = answer.body();
    }

    @Test
    void theGrievanceAndEveryInstanceItCalledAreThereEnded() {
        List<String> keys = values(history.get("processInstances"), "definitionKey");
        // the case by post: its clock, its investigation and the delivery of its one letter, nothing else
        assertThat(keys.get(0)).isEqualTo("grievance");
        assertThat(keys).containsExactlyInAnyOrder("grievance", "investigation", "hospitalClock", "letterDelivery");
        JsonNode grievance = history.get("processInstances").get(0);
        assertThat(grievance.get("superProcessInstanceId").isNull()).isTrue();
        String grievanceId = grievance.get("id").asText();
        for (JsonNode instance : iterable(history.get("processInstances"))) {
            String key = instance.get("definitionKey").asText();
            HistoricProcessInstance engine = engineHistory.createHistoricProcessInstanceQuery()
                    .processInstanceId(instance.get("id").asText()).singleResult();
            assertThat(instance.get("state").asText()).as(key).isEqualTo("COMPLETED");
            assertThat(engine.getEndTime()).as(key + " ended in the engine").isNotNull();
            assertThat(OffsetDateTime.parse(instance.get("endedAt").asText()).toInstant()).as(key + " endedAt")
                    .isEqualTo(engine.getEndTime().toInstant());
            if (!key.equals("grievance")) {
                assertThat(instance.get("superProcessInstanceId").asText()).as(key + " called by the case")
                        .isEqualTo(grievanceId);
            }
        }
        assertThat(history.get("zone").asText()).isEqualTo("America/Chicago");
    }

    @Test
    void theActivitiesThatRanAreListedAndCountedPerDefinition() {
        List<String> ran = values(history.get("activities"), "activityId");
        assertThat(ran).contains("registerCase", "classifyComplaint", "confirmClassification", "acknowledgeReceipt",
                "investigate", "routeToDepartment", "gatherFindings", "codeIssue", "draftResponse", "approveResponse",
                "printAndMailLetter", "closeGrievance");
        JsonNode confirm = first(history.get("activities"), a -> a.get("activityId").asText().equals("confirmClassification"));
        assertThat(confirm.get("type").asText()).isEqualTo("userTask");
        assertThat(confirm.get("startedAt").asText()).endsWith("-06:00");
        // the engine's duration, not a placeholder: a number, and exactly the time between start and end served
        assertThat(confirm.get("durationMillis").isNumber()).as("durationMillis of " + confirm).isTrue();
        assertThat(confirm.get("durationMillis").asLong()).isEqualTo(millisBetween(confirm, "startedAt", "endedAt"));
        String grievanceDefinition = history.get("processInstances").get(0).get("definitionId").asText();
        JsonNode counts = history.get("activityCounts").get(grievanceDefinition);
        assertThat(counts.get("confirmClassification").asLong()).isEqualTo(1);
        assertThat(counts.get("closeGrievance").asLong()).isEqualTo(1);
        assertThat(counts.has("gatherFindings")).as("counted under the investigation's definition").isFalse();
        assertThat(counts.fieldNames()).toIterable().noneMatch(id -> id.contains("multiInstanceBody"));
    }

    @Test
    void eachTaskSaysWhoClaimedAndWhoCompletedItWhenAndHowLong() {
        JsonNode acknowledge = task("acknowledgeReceipt");
        assertThat(acknowledge.get("claimedBy").asText()).isEqualTo(Role.PATIENT_RELATIONS.userId());
        assertThat(acknowledge.get("completedBy").asText()).isEqualTo(Role.PATIENT_RELATIONS.userId());
        // the instants the engine recorded for the claim (its assignee link) and the completion (its operation log
        // entry), not the task's start or end
        assertThat(instant(acknowledge, "claimedAt")).isEqualTo(claimTime(acknowledge));
        assertThat(instant(acknowledge, "completedAt")).isEqualTo(operationTime(acknowledge, "Complete"));
        assertThat(acknowledge.get("durationMillis").isNumber()).as("durationMillis of " + acknowledge).isTrue();
        assertThat(acknowledge.get("durationMillis").asLong())
                .isEqualTo(millisBetween(acknowledge, "createdAt", "endedAt"));
        assertThat(values(acknowledge.get("candidateGroups"))).containsExactly("patient-relations");
        assertThat(acknowledge.get("assignments").get(0).get("by").asText()).isEqualTo(Role.PATIENT_RELATIONS.userId());

        JsonNode approve = task("approveResponse");
        assertThat(approve.get("claimedBy").asText()).isEqualTo(Role.DIRECTOR.userId());
        assertThat(approve.get("completedBy").asText()).isEqualTo(Role.DIRECTOR.userId());

        // intake's own task: assigned to the person who logged the case while the intake ran, not claimed later
        JsonNode confirm = task("confirmClassification");
        assertThat(confirm.get("claimedBy").asText()).isEqualTo(Role.INTAKE.userId());
        assertThat(confirm.get("completedBy").asText()).isEqualTo(Role.INTAKE.userId());
        assertThat(confirm.get("assignments").size()).isEqualTo(1);
        assertThat(confirm.get("assignments").get(0).get("assignee").asText()).isEqualTo(Role.INTAKE.userId());

        JsonNode findings = task("gatherFindings");
        assertThat(findings.get("completedBy").asText()).isEqualTo(Role.NURSING_INVESTIGATOR.userId());
        assertThat(values(findings.get("candidateGroups"))).containsExactly("investigators-nursing");
    }

    @Test
    void everyFormSubmissionCarriesItsValuesAndWhoSentThem() {
        JsonNode acknowledgement = submission("acknowledgeReceipt");
        assertThat(acknowledgement.get("values").get("acknowledgedVia").asText()).isEqualTo("PHONE");
        assertThat(acknowledgement.get("submittedBy").asText()).isEqualTo(Role.PATIENT_RELATIONS.userId());
        JsonNode coding = submission("codeIssue");
        assertThat(coding.get("values").get("hcatCategory").asText()).isEqualTo("ENVIRONMENT");
        assertThat(coding.get("values").get("hcatSeverity").asText()).isEqualTo("1");
        JsonNode closing = submission("closeGrievance");
        assertThat(closing.get("values").get("closureReason").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void theDecisionsComeWithTheirInputsAndOutputs() {
        JsonNode classification = decision("GrievanceClassification");
        assertThat(classification.get("activityId").asText()).isEqualTo("classifyComplaint");
        assertThat(input(classification, "Channel")).isEqualTo("LETTER");
        assertThat(output(classification, "suggestedClassification")).isEqualTo("GRIEVANCE");
        assertThat(output(classification, "classificationRule")).isEqualTo("CMS-HOSP-2(c)");

        JsonNode routing = decision("DepartmentRouting");
        assertThat(input(routing, "Service area")).isEqualTo("NURSING");
        assertThat(output(routing, "department")).isEqualTo("nursing");

        JsonNode deadline = decision("DeadlinePolicy");
        assertThat(deadline.get("activityId").asText()).as("evaluated while the case was registered")
                .isEqualTo("registerCase");
        assertThat(input(deadline, "Regime")).isEqualTo("HOSPITAL_COP");
        assertThat(input(deadline, "Kind")).isEqualTo("STANDARD");
        assertThat(output(deadline, "length")).isEqualTo("7");
    }

    @Test
    void theOperationLogNamesThePeople() {
        List<String> claims = new ArrayList<>();
        List<String> completions = new ArrayList<>();
        for (JsonNode op : iterable(history.get("operations"))) {
            if (op.get("operationType").asText().equals("Claim")) {
                claims.add(op.get("userId").asText());
            }
            if (op.get("operationType").asText().equals("Complete")) {
                completions.add(op.get("userId").asText());
            }
        }
        assertThat(claims).contains(Role.PATIENT_RELATIONS.userId(), Role.DIRECTOR.userId(),
                Role.NURSING_INVESTIGATOR.userId());
        assertThat(completions).contains(Role.INTAKE.userId(), Role.PATIENT_RELATIONS.userId(), Role.DIRECTOR.userId());
        // the case ran without a failure: an empty list, not a missing one
        assertThat(history.get("incidents").isArray()).isTrue();
        assertThat(history.get("incidents")).isEmpty();
    }

    @Test
    void theBpmnOfEachDefinitionIsServed() {
        assertThat(history.get("processInstances")).hasSize(4);
        for (JsonNode instance : iterable(history.get("processInstances"))) {
            String id = instance.get("definitionId").asText();
            Answer xml = JsonAnswers.get(users.as(Role.AUDITOR), "/api/audit/definitions/" + id + "/xml");
            assertThat(xml.status()).isEqualTo(200);
            assertThat(xml.body().get("id").asText()).isEqualTo(id);
            assertThat(xml.body().get("bpmn20Xml").asText())
                    .contains("id=\"" + instance.get("definitionKey").asText() + "\"");
        }
        Answer unknown = JsonAnswers.get(users.as(Role.AUDITOR), "/api/audit/definitions/grievance:999:none/xml");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    }

    @Test
    void anUnknownCaseIsA404Problem() {
        Answer answer = JsonAnswers.get(users.as(Role.AUDITOR), "/api/audit/cases/GRV-2026-999999/history");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.body().toString()).doesNotContain("GRV-2026-999999");
    }

    @Test
    void onlyAuditorsAndTheDirectorReadTheHistory() {
        String path = "/api/audit/cases/" + caseNumber + "/history";
        assertThat(JsonAnswers.get(users.as(Role.DIRECTOR), path).status()).isEqualTo(200);
        for (Role role : List.of(Role.INTAKE, Role.PATIENT_RELATIONS, Role.NURSING_INVESTIGATOR)) {
            assertThat(JsonAnswers.get(users.as(role), path).status()).as(role.name()).isEqualTo(403);
        }
    }

    @Test
    void readingTheHistoryIsInThePhiAccessLog() {
        // counted before and after: the read of @BeforeAll left a row just like the one expected here
        long before = historyReads();
        Answer read = JsonAnswers.get(users.as(Role.AUDITOR), "/api/audit/cases/" + caseNumber + "/history");
        assertThat(read.status()).isEqualTo(200);
        assertThat(historyReads()).isEqualTo(before + 1);
        var row = jdbc.queryForMap("""
                SELECT actor, action, case_number FROM phi_access_log WHERE id = (SELECT MAX(id) FROM phi_access_log)""");
        assertThat(row.get("actor")).isEqualTo(Role.AUDITOR.userId());
        assertThat(row.get("action")).isEqualTo("history");
        assertThat(row.get("case_number")).isEqualTo(caseNumber);
    }

    private long historyReads() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM phi_access_log WHERE actor = ? AND action = 'history' "
                + "AND case_number = ?", Long.class, Role.AUDITOR.userId(), caseNumber);
    }

    // --- reading the answer ---

    private static Instant instant(JsonNode node, String field) {
        return OffsetDateTime.parse(node.get(field).asText()).toInstant();
    }

    /** When the engine's identity link log has the task's one assignee added (the claim). */
    private Instant claimTime(JsonNode task) {
        List<HistoricIdentityLinkLog> claims = engineHistory.createHistoricIdentityLinkLogQuery()
                .taskId(task.get("id").asText()).type(IdentityLinkType.ASSIGNEE).operationType("add").list();
        assertThat(claims).hasSize(1);
        return claims.get(0).getTime().toInstant();
    }

    /** When the engine's user operation log has the task's one operation of this type. */
    private Instant operationTime(JsonNode task, String operationType) {
        List<UserOperationLogEntry> entries = engineHistory.createUserOperationLogQuery()
                .taskId(task.get("id").asText()).operationType(operationType).list();
        // one operation (it may log one entry per property it changed)
        assertThat(entries.stream().map(UserOperationLogEntry::getOperationId).distinct()).as(operationType).hasSize(1);
        return entries.get(0).getTimestamp().toInstant();
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private JsonNode task(String key) {
        return first(history.get("userTasks"), t -> t.get("taskDefinitionKey").asText().equals(key));
    }

    private JsonNode submission(String taskKey) {
        String taskId = task(taskKey).get("id").asText();
        return first(history.get("formSubmissions"), s -> s.get("taskId").asText().equals(taskId));
    }

    private JsonNode decision(String key) {
        return first(history.get("decisions"), d -> d.get("decisionKey").asText().equals(key));
    }

    private static String input(JsonNode decision, String name) {
        return first(decision.get("inputs"), i -> i.get("name").asText().equals(name)).get("value").asText();
    }

    private static String output(JsonNode decision, String variable) {
        return first(decision.get("outputs"), o -> o.get("variable").asText().equals(variable)).get("value").asText();
    }

    private static JsonNode first(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode n : iterable(array)) {
            if (test.test(n)) {
                return n;
            }
        }
        throw new AssertionError("nothing matching in " + array);
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asText()));
        return values;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static long millisBetween(JsonNode node, String from, String to) {
        return java.time.Duration.between(java.time.OffsetDateTime.parse(node.get(from).asText()),
                java.time.OffsetDateTime.parse(node.get(to).asText())).toMillis();
    }
}
