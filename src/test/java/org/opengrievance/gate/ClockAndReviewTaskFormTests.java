package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.DIRECTOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The rest of the user tasks, held to their forms over engine-rest like those of the lifecycle: the
 * director's abuse or neglect reviews (before and after a withdrawal), the hospital clock's interim notice,
 * near-deadline and missed-deadline reviews, and the plan clock's written extension notice.
 */
@GrievanceAppTest
class ClockAndReviewTaskFormTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    GateHttp http;
    TaskFormProbe probe;

    @org.junit.jupiter.api.AfterAll
    static void printCounts() {
        System.out.println(TaskFormProbe.counts());
    }

    @BeforeEach
    void setUp() {
        http = new GateHttp(users);
        probe = new TaskFormProbe(http, tasks, history);
    }

    String logCase(String extra) {
        GateHttp.Answer created = http.post(INTAKE, "/api/grievances", "{\"channel\":\"PHONE\",\"receivedAt\":"
                + "\"2026-12-09T16:30:00-06:00\",\"patientName\":\"" + Patients.unique() + "\",\"complaintText\":"
                + "\"An aide pushed my father.\",\"serviceArea\":\"NURSING\",\"responseRequested\":true," + extra + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("caseNumber").asText();
    }

    void confirm(String caseNumber) {
        tasks.complete(SecurityTasks.task(tasks, caseNumber, "confirmClassification").getId(),
                Map.of("classification", "GRIEVANCE"));
    }

    void fire(String caseNumber, String clockKey, String timer) {
        String clock = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(clockKey).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(clock).activityId(timer).singleResult();
        assertThat(job).as(timer).isNotNull();
        management.executeJob(job.getId());
    }

    @Test
    void theAbuseReviewsTakeExactlyTheirForm() {
        String reviewed = logCase("\"abuseOrNeglect\":true");
        confirm(reviewed);
        probe.work(reviewed, "reviewAbuseAllegation", DIRECTOR, Map.of("protectiveActions",
                "The aide was taken off the ward pending review.", "stateReportFiled", true), "protectiveActions",
                null, "protectiveActions");

        String withdrawn = logCase("\"abuseOrNeglect\":true");
        confirm(withdrawn);
        GateHttp.Answer withdrawal = http.post(PATIENT_RELATIONS, "/api/grievances/" + withdrawn + "/withdrawal",
                "{\"note\":\"The family asked to withdraw.\"}");
        assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(200);
        probe.work(withdrawn, "continueAbuseReview", DIRECTOR, Map.of("protectiveActions",
                "Reviewed with risk management; the aide was retrained.", "stateReportFiled", false),
                "protectiveActions", null, "protectiveActions");
    }

    @Test
    void theHospitalClocksTasksTakeExactlyTheirForm() {
        String caseNumber = logCase("\"abuseOrNeglect\":false");
        SecurityTasks.toInvestigation(tasks, caseNumber);

        fire(caseNumber, "hospitalClock", "interimNoticeTimer");
        probe.work(caseNumber, "sendInterimNotice", PATIENT_RELATIONS, Map.of("interimNoticeSentVia", "MAIL"),
                "interimNoticeSentVia", "interimNoticeSentVia", "interimNoticeNote");

        fire(caseNumber, "hospitalClock", "escalationTimer");
        probe.work(caseNumber, "reviewNearDeadline", DIRECTOR, Map.of("directorReviewNote",
                "Asked nursing for the findings by tomorrow."), "directorReviewNote", null, "directorReviewNote");

        fire(caseNumber, "hospitalClock", "breachTimer");
        probe.work(caseNumber, "reviewMissedDeadline", DIRECTOR, Map.of("directorReviewNote",
                "Late because the witness was on leave; response sent now."), "directorReviewNote", null,
                "directorReviewNote");
    }

    @Test
    void thePlanClocksExtensionNoticeTakesExactlyItsForm() {
        String caseNumber = logCase("\"abuseOrNeglect\":false,\"regimes\":[\"MEDICARE_ADVANTAGE\"]");
        SecurityTasks.toInvestigation(tasks, caseNumber);
        GateHttp.Answer extended = http.post(PATIENT_RELATIONS, "/api/grievances/" + caseNumber
                + "/clocks/MEDICARE_ADVANTAGE/extension", "{\"requestedBy\":\"PLAN\",\"days\":14,\"reason\":"
                + "\"Awaiting provider records\",\"informationNeeded\":\"Provider records\",\"enrolleeInterest\":"
                + "\"A complete review\"}");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        probe.work(caseNumber, "sendExtensionNotice", PATIENT_RELATIONS, Map.of("extensionNoticeSentVia", "MAIL"),
                "extensionNoticeSentVia", "extensionNoticeSentVia", "extensionNoticeNote");
    }
}
