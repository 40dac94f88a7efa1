package org.opengrievance.relink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.NURSING_INVESTIGATOR;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.StaffSteps;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Reclassify, split or convert a case" from Tasklist: the process {@code caseChange}, started through its start
 * form by intake and patient relations (not by auditors or investigators), writes exactly the form's fields, and
 * its service task carries out the same change as the API, in the start's transaction: a refusal of the rules
 * answers the rule's status and sentence and leaves neither a new case nor a started process behind.
 */
@GrievanceAppTest
class CaseChangeStartFormTests {

    static final String SUBMIT = "/engine-rest/process-definition/key/caseChange/submit-form";

    @Autowired TestUsers users;
    @Autowired MutableClock clock;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired GrievanceCaseRepository cases;
    RelinkHttp http;

    @BeforeEach
    void setUp() {
        http = new RelinkHttp(users);
    }

    @AfterEach
    void resetClock() {
        clock.set(GrievanceAppTest.NOW);
    }

    String closedBedsideComplaint() {
        clock.set(Instant.parse("2026-12-01T16:30:00Z"));
        String caseNumber = http.logCase("""
                {"channel":"IN_PERSON","receivedAt":"2026-12-01T10:00:00-06:00","patientName":"Pat Testpatient",
                 "complaintText":"The night nurse was curt when I asked for water.","serviceArea":"NURSING",
                 "resolvedAtPointOfCare":true,"pointOfCareResolution":"The charge nurse apologised.",
                 "preferredLanguage":"en"}""");
        new StaffSteps(tasks, forms, identity).work(caseNumber, "confirmClassification", INTAKE,
                Map.of("classification", "COMPLAINT"));
        clock.set(Instant.parse("2026-12-04T20:00:00Z"));
        return caseNumber;
    }

    /** The start form's fields as Tasklist submits them (the datetime with its offset). */
    static String conversion(String caseNumber, Map<String, Object> extra) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("changeKind", Map.of("value", "CONVERT"));
        vars.put("sourceCaseNumber", Map.of("value", caseNumber));
        vars.put("patientAskedAt", Map.of("value", "2026-12-04T14:00-06:00"));
        vars.put("changeReason", Map.of("value", "The patient phoned and asked for a written response."));
        extra.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        try {
            return RelinkHttp.JSON.writeValueAsString(Map.of("variables", vars));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void intakeConvertsAClosedComplaintFromTheStartFormAsTheApiWould() {
        String bedside = closedBedsideComplaint();
        RelinkHttp.Answer started = http.post(INTAKE, SUBMIT, conversion(bedside, Map.of()));
        assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(200);

        JsonNode link = http.get(INTAKE, "/api/grievances/" + bedside).body().path("links").get(0);
        assertThat(link.path("kind").asText()).isEqualTo("CONVERTED");
        assertThat(link.path("by").asText()).isEqualTo(INTAKE.userId());
        String grievance = link.path("caseNumber").asText();
        JsonNode view = http.get(INTAKE, "/api/grievances/" + grievance).body();
        assertThat(view.path("receivedAt").asText()).isEqualTo("2026-12-04T14:00:00-06:00");
        assertThat(view.path("deadlines").get(0).path("dueAt").asText()).isEqualTo("2026-12-08T23:59:59.999-06:00");
        assertThat(view.path("links").get(0).path("atRisk").asBoolean()).isTrue();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(grievance)
                .taskDefinitionKey("confirmClassification").singleResult().getAssignee()).isEqualTo(INTAKE.userId());
        // the change's own process ran to its end and says which case it opened
        String changeId = started.body().path("id").asText();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(changeId).singleResult().getEndTime())
                .isNotNull();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(changeId)
                .variableName("newCaseNumbers").singleResult().getValue()).isEqualTo(grievance);
    }

    @Test
    void tasklistsOwnApiStartsItForPatientRelationsBehindTheWebappSession() {
        String bedside = closedBedsideComplaint();
        WebappSession tasklist = users.webapp();
        assertThat(tasklist.logIn(PATIENT_RELATIONS, "tasklist")).isEqualTo(200);
        HttpResponse<String> startable = tasklist.get("/camunda/api/engine/engine/default/process-definition"
                + "?latestVersion=true&active=true&startableInTasklist=true&startablePermissionCheck=true");
        assertThat(startable.body()).contains("\"key\":\"caseChange\"");
        HttpResponse<String> started = tasklist.postJson(
                "/camunda/api/engine/engine/default/process-definition/key/caseChange/submit-form",
                conversion(bedside, Map.of()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(http.get(PATIENT_RELATIONS, "/api/grievances/" + bedside).body().path("links").get(0)
                .path("by").asText()).isEqualTo(PATIENT_RELATIONS.userId());
    }

    @Test
    void onlyIntakeAndPatientRelationsSeeAndStartIt() {
        for (TestUsers.Role role : List.of(INTAKE, PATIENT_RELATIONS)) {
            assertThat(http.get(role, "/engine-rest/process-definition?key=caseChange&startablePermissionCheck=true"
                    + "&startableInTasklist=true").body()).as(role.name()).hasSize(1);
        }
        String bedside = closedBedsideComplaint();
        long before = cases.count();
        // the auditor reads every definition but starts none; an investigator does not even see this one
        Map<TestUsers.Role, Integer> refusals = Map.of(AUDITOR, 403, NURSING_INVESTIGATOR, 404);
        for (Map.Entry<TestUsers.Role, Integer> r : refusals.entrySet()) {
            assertThat(http.get(r.getKey(), "/engine-rest/process-definition?key=caseChange"
                    + "&startablePermissionCheck=true&startableInTasklist=true").body()).as(r.getKey().name()).isEmpty();
            RelinkHttp.Answer refused = http.post(r.getKey(), SUBMIT, conversion(bedside, Map.of()));
            assertThat(refused.status()).as(r.getKey().name()).isEqualTo(r.getValue());
        }
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void onlyTheFormsFieldsReachTheProcessAndTheRulesRefusalsUndoTheStart() {
        String bedside = closedBedsideComplaint();
        long before = cases.count();
        long changes = history.createHistoricProcessInstanceQuery().processDefinitionKey("caseChange").count();

        RelinkHttp.Answer engineOwned = http.post(INTAKE, SUBMIT, conversion(bedside, Map.of("caseNumber", "GRV-2026-000001")));
        assertThat(engineOwned.status()).isEqualTo(400);
        assertThat(engineOwned.body().path("errors").get(0).path("field").asText()).isEqualTo("caseNumber");
        RelinkHttp.Answer notOnTheForm = http.post(INTAKE, SUBMIT, conversion(bedside, Map.of("chosenTrack", "APPEAL")));
        assertThat(notOnTheForm.status()).isEqualTo(400);
        assertThat(notOnTheForm.body().path("errors").get(0).path("field").asText()).isEqualTo("chosenTrack");
        RelinkHttp.Answer otherOption = http.post(INTAKE, SUBMIT, conversion(bedside, Map.of("changeKind", "MERGE")));
        assertThat(otherOption.status()).isEqualTo(400);

        RelinkHttp.Answer unknown = http.post(INTAKE, SUBMIT, conversion("GRV-2026-999999", Map.of()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").get(0).path("field").asText()).isEqualTo("sourceCaseNumber");
        assertThat(unknown.body().toString()).doesNotContain("GRV-2026-999999", "Exception");

        RelinkHttp.Answer noDate = http.post(INTAKE, SUBMIT, conversion(bedside, Map.of("patientAskedAt", "")));
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.body().path("errors").get(0).path("field").asText()).isEqualTo("patientAskedAt");

        RelinkHttp.Answer reclassifyClosed = http.post(INTAKE, SUBMIT, conversion(bedside,
                Map.of("changeKind", "RECLASSIFY", "newClassification", "GRIEVANCE")));
        assertThat(reclassifyClosed.status()).isEqualTo(409);
        assertThat(reclassifyClosed.body().path("detail").asText()).startsWith("A closed case cannot be reclassified");

        assertThat(cases.count()).isEqualTo(before);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("caseChange").count())
                .isEqualTo(changes);
    }
}
