package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CMS-HOSP-2 over engine-rest, as intake staff complete "Confirm classification" in Tasklist: a grievance that
 * a rule makes a grievance without exception cannot be changed to a complaint, whatever reason and facts are
 * given (409 with the decision table's sentence, the task open, nothing written, the case still a grievance);
 * a verbal grievance not resolved at the time may become a complaint only with the point-of-care facts, which
 * the case record then shows.
 */
@GrievanceAppTest
class ClassificationOverrideTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;

    /** Everything a downgrade could offer: a reason and every point-of-care fact. */
    static final Map<String, Object> FULL_DOWNGRADE = Map.of(
            "classification", "COMPLAINT",
            "overrideReason", "The charge nurse settled it at the bedside.",
            "pointOfCareResolvedBy", "Nina Night, charge nurse",
            "pointOfCareResolution", "Moved the patient to a quieter room within twenty minutes.",
            "pointOfCarePatientSatisfied", true);

    @Test
    void aWrittenComplaintCannotBeChangedToAComplaint() {
        refusedDowngrade("\"channel\":\"EMAIL\"",
                "A written complaint is always a grievance (CMS-HOSP-2(c)): it cannot be changed to a complaint.");
    }

    @Test
    void anAbuseOrNeglectAllegationCannotBeChangedToAComplaint() {
        refusedDowngrade("\"channel\":\"PHONE\",\"abuseOrNeglect\":true",
                "A complaint that alleges abuse or neglect is always a grievance (CMS-HOSP-2(g)): it cannot be changed to a complaint.");
    }

    @Test
    void patientHarmOrAConditionsOfParticipationIssueCannotBeChangedToAComplaint() {
        refusedDowngrade("\"channel\":\"IN_PERSON\",\"patientHarmOrCopIssue\":true",
                "A complaint about patient harm or the CMS Conditions of Participation is always a grievance (CMS-HOSP-2(g)): it cannot be changed to a complaint.");
    }

    @Test
    void aMedicareSection489BillingComplaintCannotBeChangedToAComplaint() {
        refusedDowngrade("\"channel\":\"PHONE\",\"medicare489Billing\":true,\"medicareBeneficiary\":true",
                "A Medicare beneficiary's billing complaint about rights under 42 CFR 489 is always a grievance (CMS-HOSP-2(e)): it cannot be changed to a complaint.");
    }

    @Test
    void aRequestForAResponseCannotBeChangedToAComplaint() {
        refusedDowngrade("\"channel\":\"PHONE\",\"responseRequested\":true",
                "A complaint whose patient asked for a response or formal handling is always a grievance (CMS-HOSP-2(d)): it cannot be changed to a complaint.");
    }

    @Test
    void aVerbalGrievanceBecomesAComplaintOnlyWithThePointOfCareFacts() {
        GateHttp http = new GateHttp(users);
        String caseNumber = logCase(http, "\"channel\":\"PHONE\"");
        Task confirm = confirmTask(caseNumber);
        long writtenBefore = variableUpdates(confirm);

        for (String missing : new String[] {"pointOfCareResolvedBy", "pointOfCareResolution", "pointOfCarePatientSatisfied"}) {
            Map<String, Object> without = new LinkedHashMap<>(FULL_DOWNGRADE);
            without.remove(missing);
            GateHttp.Answer a = complete(http, confirm, without);
            assertThat(a.status()).as(missing + ": " + a.body()).isEqualTo(400);
            assertThat(a.json().path("errors").get(0).path("field").asText()).isEqualTo(missing);
        }
        Map<String, Object> unsatisfied = new LinkedHashMap<>(FULL_DOWNGRADE);
        unsatisfied.put("pointOfCarePatientSatisfied", false);
        GateHttp.Answer notSatisfied = complete(http, confirm, unsatisfied);
        assertThat(notSatisfied.status()).isEqualTo(400);
        assertThat(notSatisfied.detail()).isEqualTo(
                "A complaint is resolved only when the patient is satisfied: if the patient was not, keep it a grievance.");
        assertThat(tasks.createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
        assertThat(variableUpdates(confirm)).isEqualTo(writtenBefore);
        assertThat(view(http, caseNumber).path("classification").path("pointOfCare").isNull()).as("no point-of-care facts").isTrue();

        GateHttp.Answer done = complete(http, confirm, FULL_DOWNGRADE);
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        JsonNode classification = view(http, caseNumber).path("classification");
        assertThat(classification.path("current").asText()).isEqualTo("COMPLAINT");
        JsonNode pointOfCare = classification.path("pointOfCare");
        assertThat(pointOfCare.path("resolvedBy").asText()).isEqualTo("Nina Night, charge nurse");
        assertThat(pointOfCare.path("action").asText()).isEqualTo("Moved the patient to a quieter room within twenty minutes.");
        assertThat(pointOfCare.path("patientSatisfied").asBoolean()).isTrue();
        assertThat(pointOfCare.path("recordedBy").asText()).isEqualTo(INTAKE.userId());
        assertThat(view(http, caseNumber).path("closure").path("reason").asText()).isEqualTo("RESOLVED_AT_POINT_OF_CARE");
    }

    private void refusedDowngrade(String facts, String sentence) {
        GateHttp http = new GateHttp(users);
        String caseNumber = logCase(http, facts);
        Task confirm = confirmTask(caseNumber);
        long writtenBefore = variableUpdates(confirm);

        GateHttp.Answer a = complete(http, confirm, FULL_DOWNGRADE);

        assertThat(a.status()).as(a.body()).isEqualTo(409);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.detail()).isEqualTo(sentence);
        assertThat(a.json().path("message").asText()).isEqualTo(sentence);
        assertThat(tasks.createTaskQuery().taskId(confirm.getId()).count()).isEqualTo(1);
        assertThat(variableUpdates(confirm)).isEqualTo(writtenBefore);
        JsonNode view = view(http, caseNumber);
        assertThat(view.path("status").asText()).isEqualTo("OPEN");
        assertThat(view.path("classification").path("current").asText()).isEqualTo("GRIEVANCE");
        assertThat(view.path("classification").path("history")).hasSize(1);
        assertThat(view.path("classification").path("pointOfCare").isNull()).as("no point-of-care facts").isTrue();
    }

    private static String logCase(GateHttp http, String facts) {
        GateHttp.Answer created = http.post(INTAKE, "/api/grievances", "{" + facts + ",\"receivedAt\":"
                + "\"2026-12-04T16:30:00-06:00\",\"patientName\":\"" + Patients.unique() + "\",\"complaintText\":"
                + "\"The room was too noisy at night.\",\"serviceArea\":\"NURSING\",\"resolvedAtPointOfCare\":false,"
                + "\"preferredLanguage\":\"en\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseNumber").asText();
    }

    private Task confirmTask(String caseNumber) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("confirmClassification").singleResult();
    }

    private long variableUpdates(Task task) {
        return history.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).variableUpdates().count();
    }

    private static GateHttp.Answer complete(GateHttp http, Task task, Map<String, Object> values) {
        Map<String, Object> wrapped = new LinkedHashMap<>();
        values.forEach((k, v) -> wrapped.put(k, Map.of("value", v)));
        return http.post(INTAKE, "/engine-rest/task/" + task.getId() + "/complete",
                GateHttp.json(Map.of("variables", wrapped)));
    }

    private static JsonNode view(GateHttp http, String caseNumber) {
        GateHttp.Answer a = http.get(AUDITOR, "/api/grievances/" + caseNumber);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }
}
