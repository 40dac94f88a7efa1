package org.opengrievance.relink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers.Role;

/**
 * A Medicare Advantage enrollee's call on Monday 2026-01-05 at 09:15 in the plan's zone (America/Chicago), as the
 * relink tests log and work it over HTTP; the test clock must stand after the call.
 */
final class PlanCases {

    static final String CALL = "2026-01-05T09:15:00-06:00";
    /** 30 days from the call (day 0 = 01-05), end of day in the plan's zone (42 CFR 422.564(e), 422.590(a)). */
    static final String THIRTY_DAYS = "2026-02-04T23:59:59.999-06:00";

    private final RelinkHttp http;
    private final TaskService tasks;

    PlanCases(RelinkHttp http, TaskService tasks) {
        this.http = http;
        this.tasks = tasks;
    }

    /** Logged by intake; {@code requestedAction} COMPLAINT (a grievance) or DENIAL_REVIEW (an appeal). */
    String call(String requestedAction, String complaintText, boolean abuseOrNeglect) {
        return http.logCase("""
                {"channel":"PHONE","receivedAt":"%s","patientName":"Pat Testpatient","complaintText":"%s",
                 "serviceArea":"OTHER","preferredLanguage":"en","regimes":["MEDICARE_ADVANTAGE"],"memberId":"%s",
                 "patientAddress":"1 Main St, Springfield, IL 62701","requestedAction":"%s","abuseOrNeglect":%s}"""
                .formatted(CALL, complaintText, Patients.memberId(), requestedAction, abuseOrNeglect));
    }

    /** The person the task is assigned to (or intake) confirms the suggested classification. */
    void confirm(String caseNumber, Role role, String classification) {
        Task confirm = task(caseNumber, "confirmClassification");
        complete(role, confirm, Map.of("classification", classification));
    }

    /** The notice of the case (classification or procedure notice) went to the print queue: mailed at {@code at}. */
    void mailNotice(String caseNumber, String at) {
        Task print = tasks.createTaskQuery().taskDefinitionKey("printAndMailLetter")
                .processVariableValueEquals("caseNumber", caseNumber).singleResult();
        assertThat(print).as("the notice in the print queue").isNotNull();
        assertThat(http.post(Role.PATIENT_RELATIONS, "/engine-rest/task/" + print.getId() + "/claim",
                "{\"userId\":\"" + Role.PATIENT_RELATIONS.userId() + "\"}").status()).isEqualTo(204);
        complete(Role.PATIENT_RELATIONS, print, Map.of("mailedAt", at));
    }

    Task task(String caseNumber, String key) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).list();
        assertThat(open).as(key + " of " + caseNumber).hasSize(1);
        return open.get(0);
    }

    void complete(Role role, Task task, Map<String, Object> values) {
        Map<String, Object> wrapped = new LinkedHashMap<>();
        values.forEach((k, v) -> wrapped.put(k, Map.of("value", v)));
        RelinkHttp.Answer done;
        try {
            done = http.post(role, "/engine-rest/task/" + task.getId() + "/complete",
                    RelinkHttp.JSON.writeValueAsString(Map.of("variables", wrapped)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        assertThat(done.status()).as(task.getTaskDefinitionKey() + ": " + done.body()).isEqualTo(204);
    }
}
