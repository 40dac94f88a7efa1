package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A "when did you do it" time is bounded by what it follows, over the surfaces people use: a letter is not
 * recorded as mailed before it was approved (the print task over engine-rest), a patient is not told before
 * the grievance was received (the oral-notification API). Times without an offset are read in the facility's
 * zone (Chicago here), as the forms show them. The test clock stands at 2026-12-10 12:00 in Chicago, when the
 * acknowledgement letter is generated and approved; the receipt is 2026-12-04 16:30 in Chicago.
 */
@GrievanceAppTest
class EventTimeOrderTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    GateHttp http;
    TaskFormProbe probe;

    @BeforeEach
    void setUp() {
        http = new GateHttp(users);
        probe = new TaskFormProbe(http, tasks, history);
    }

    private String caseWaitingForTheMailing() {
        String caseNumber = http.logCase("NURSING");
        probe.complete(caseNumber, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        probe.complete(caseNumber, "acknowledgeReceipt", PATIENT_RELATIONS, Map.of("acknowledgedVia", "LETTER"));
        return caseNumber;
    }

    private GateHttp.Answer mailed(Task print, String when) {
        return http.post(PATIENT_RELATIONS, "/engine-rest/task/" + print.getId() + "/complete",
                GateHttp.json(Map.of("variables", Map.of("mailedAt", Map.of("value", when)))));
    }

    @Test
    void aLetterCannotHaveBeenMailedBeforeItWasApproved() {
        String caseNumber = caseWaitingForTheMailing();
        Task print = probe.task(caseNumber, "printAndMailLetter");
        // with an offset, and without one (read in Chicago, as the form shows it)
        for (String when : new String[] {"2026-12-10T11:59:00-06:00", "2026-12-10T11:59:00", "2026-12-09T18:00:00Z"}) {
            GateHttp.Answer a = mailed(print, when);
            assertThat(a.status()).as(when + ": " + a.body()).isEqualTo(400);
            assertThat(a.json().path("errors").get(0).path("field").asText()).isEqualTo("mailedAt");
            assertThat(a.detail()).isEqualTo(
                    "The letter cannot have been mailed before it was approved at 12:00 on 10 December (Chicago).");
            assertThat(a.body()).doesNotContain("Pat Testpatient", "Exception", "ENGINE-");
        }
        assertThat(probe.task(caseNumber, "printAndMailLetter")).as("the print task stays open").isNotNull();
        GateHttp.Answer letters = http.get(PATIENT_RELATIONS, "/api/grievances/" + caseNumber + "/letters");
        assertThat(letters.json().get(0).path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void aMailingTimeWithoutOffsetIsReadInTheFacilityZone() {
        String caseNumber = caseWaitingForTheMailing();
        // 12:01 in Chicago is after the approval; read as UTC it would be 06:01 in Chicago, before it
        GateHttp.Answer a = mailed(probe.task(caseNumber, "printAndMailLetter"), "2026-12-10T12:01:00");
        assertThat(a.status()).as(a.body()).isEqualTo(204);
        GateHttp.Answer letters = http.get(PATIENT_RELATIONS, "/api/grievances/" + caseNumber + "/letters");
        assertThat(java.time.OffsetDateTime.parse(letters.json().get(0).path("sentAt").asText()).toInstant())
                .isEqualTo(java.time.Instant.parse("2026-12-10T18:01:00Z"));
    }

    @Test
    void anOralNotificationCannotHaveBeenGivenBeforeTheReceipt() {
        String caseNumber = http.logCase("NURSING");
        String path = "/api/grievances/" + caseNumber + "/notifications/oral";
        GateHttp.Answer early = http.post(PATIENT_RELATIONS, path,
                "{\"kind\":\"ACKNOWLEDGEMENT\",\"notifiedAt\":\"2026-12-04T16:29:00-06:00\"}");
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(early.json().path("errors").get(0).path("field").asText()).isEqualTo("notifiedAt");
        assertThat(early.detail()).isEqualTo("The patient cannot have been told before the grievance was received: "
                + "enter a time after the receipt time shown on the case.");
        assertThat(http.get(PATIENT_RELATIONS, "/api/grievances/" + caseNumber + "/notifications").json()).isEmpty();

        GateHttp.Answer after = http.post(PATIENT_RELATIONS, path,
                "{\"kind\":\"ACKNOWLEDGEMENT\",\"notifiedAt\":\"2026-12-04T16:31:00-06:00\"}");
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(http.get(PATIENT_RELATIONS, "/api/grievances/" + caseNumber + "/notifications").json()).hasSize(1);
    }
}
