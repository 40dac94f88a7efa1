package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.DIRECTOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.NURSING_INVESTIGATOR;
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
 * The form is the contract of a task, on engine-rest as in Tasklist: a grievance is taken from intake to
 * closure over HTTP by the people of each step, and at every user task a completion with a field the form
 * does not declare, without a required field, with a value outside the options, too long, or with a control
 * character is refused with a 400 problem naming the field, and leaves the task open and no variable written;
 * then the form's own fields, sent as Tasklist sends them (the read-only ones with what they show), complete it.
 */
@GrievanceAppTest
class TaskFormContractTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
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

    @Test
    void everyTaskOfTheLifecycleAcceptsExactlyItsForm() {
        String caseNumber = http.logCase("NURSING");

        probe.work(caseNumber, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"), "classification",
                "classification", "overrideReason");
        probe.work(caseNumber, "acknowledgeReceipt", PATIENT_RELATIONS, Map.of("acknowledgedVia", "LETTER"), "acknowledgedVia",
                "acknowledgedVia", "acknowledgementNote");
        probe.work(caseNumber, "printAndMailLetter", PATIENT_RELATIONS, Map.of("mailedAt", "2026-12-10T12:00:00-06:00"), "mailedAt",
                null, "mailingNote");
        probe.work(caseNumber, "gatherFindings", NURSING_INVESTIGATOR, Map.of("issue1", "The call bell went unanswered",
                "findings", "Staffing gap on the night shift.", "stepsTaken", "Added a float nurse at night."), "findings",
                null, "findings");
        probe.work(caseNumber, "codeIssue", NURSING_INVESTIGATOR, Map.of("hcatCategory", "QUALITY", "hcatSeverity", "2",
                "harmLevel", "0"), "hcatCategory", "hcatSeverity", null);
        probe.work(caseNumber, "draftResponse", PATIENT_RELATIONS, Map.of("answer1", "We added a nurse to the night shift.",
                "patientStepsText", "We looked into the night shift and added a float nurse.",
                "responseDraft", "Your concern was substantiated and the night shift now has a float nurse.",
                "contactPerson", "Paula Relations", "contactPhone", "(555) 010-0100", "responseChannel", "MAIL"), "contactPerson",
                "responseChannel", "responseDraft");
        probe.work(caseNumber, "approveResponse", DIRECTOR, Map.of("approvalDecision", "APPROVE"), "approvalDecision", "approvalDecision",
                "approvalComment");
        probe.work(caseNumber, "printAndMailLetter", PATIENT_RELATIONS, Map.of("mailedAt", "2026-12-10T12:03:00-06:00"), "mailedAt",
                null, "mailingNote");
        probe.work(caseNumber, "closeGrievance", PATIENT_RELATIONS, Map.of("closureReason", "RESOLVED"), "closureReason", "closureReason",
                "closureEffortsNote");

        GateHttp.Answer closed = http.get(PATIENT_RELATIONS, "/api/grievances/" + caseNumber);
        assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void theDuplicateCheckAcceptsExactlyItsForm() {
        String patient = org.opengrievance.support.Patients.unique();
        http.logCase("NURSING", patient);
        String contact = http.logCase("NURSING", patient);

        probe.work(contact, "checkPossibleDuplicates", INTAKE, Map.of("duplicateDecision", "NEW"), "duplicateDecision",
                "duplicateDecision", null);

        assertThat(probe.task(contact, "confirmClassification")).as("confirmed new: classification follows").isNotNull();
    }

    @Test
    void aDateAPersonEntersIsNeitherInTheFutureNorLongAgo() {
        String caseNumber = http.logCase("NURSING");
        probe.complete(caseNumber, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        probe.complete(caseNumber, "acknowledgeReceipt", PATIENT_RELATIONS, Map.of("acknowledgedVia", "LETTER"));
        Task print = probe.task(caseNumber, "printAndMailLetter");
        // the test clock stands at 2026-12-10 12:00 in Chicago
        for (String when : new String[] {"2026-12-10T12:30:00-06:00", "2022-12-01T10:00:00-06:00", "0001-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z", "next Tuesday"}) {
            GateHttp.Answer a = http.post(PATIENT_RELATIONS, "/engine-rest/task/" + print.getId() + "/complete",
                    GateHttp.json(Map.of("variables", Map.of("mailedAt", Map.of("value", when)))));
            assertThat(a.status()).as(when).isEqualTo(400);
            assertThat(a.json().path("errors").get(0).path("field").asText()).isEqualTo("mailedAt");
            assertThat(a.body()).doesNotContain(when);
        }
        assertThat(probe.task(caseNumber, "printAndMailLetter")).isNotNull();
    }

}
