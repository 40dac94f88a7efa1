package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.DIRECTOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.NURSING_INVESTIGATOR;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
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

    static final String LONE_SURROGATE = "LONE-SURROGATE";

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    GateHttp http;

    @BeforeEach
    void setUp() {
        http = new GateHttp(users);
    }

    @Test
    void everyTaskOfTheLifecycleAcceptsExactlyItsForm() {
        String caseNumber = http.logCase("NURSING");

        work(caseNumber, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"), "classification",
                "classification", "overrideReason");
        work(caseNumber, "acknowledgeReceipt", PATIENT_RELATIONS, Map.of("acknowledgedVia", "LETTER"), "acknowledgedVia",
                "acknowledgedVia", "acknowledgementNote");
        work(caseNumber, "printAndMailLetter", PATIENT_RELATIONS, Map.of("mailedAt", "2026-12-10T11:30:00-06:00"), "mailedAt",
                null, "mailingNote");
        work(caseNumber, "gatherFindings", NURSING_INVESTIGATOR, Map.of("issue1", "The call bell went unanswered",
                "findings", "Staffing gap on the night shift.", "stepsTaken", "Added a float nurse at night."), "findings",
                null, "findings");
        work(caseNumber, "codeIssue", NURSING_INVESTIGATOR, Map.of("hcatCategory", "QUALITY", "hcatSeverity", "2",
                "harmLevel", "0"), "hcatCategory", "hcatSeverity", null);
        work(caseNumber, "draftResponse", PATIENT_RELATIONS, Map.of("answer1", "We added a nurse to the night shift.",
                "responseDraft", "Your concern was substantiated and the night shift now has a float nurse.",
                "contactPerson", "Paula Relations", "contactPhone", "(555) 010-0100", "responseChannel", "MAIL"), "contactPerson",
                "responseChannel", "responseDraft");
        work(caseNumber, "approveResponse", DIRECTOR, Map.of("approvalDecision", "APPROVE"), "approvalDecision", "approvalDecision",
                "approvalComment");
        work(caseNumber, "printAndMailLetter", PATIENT_RELATIONS, Map.of("mailedAt", "2026-12-10T11:45:00-06:00"), "mailedAt",
                null, "mailingNote");
        work(caseNumber, "closeGrievance", PATIENT_RELATIONS, Map.of("closureReason", "RESOLVED"), "closureReason", "closureReason",
                "closureEffortsNote");

        GateHttp.Answer closed = http.get(PATIENT_RELATIONS, "/api/grievances/" + caseNumber);
        assertThat(closed.json().path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aDateAPersonEntersIsNeitherInTheFutureNorLongAgo() {
        String caseNumber = http.logCase("NURSING");
        complete(caseNumber, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        complete(caseNumber, "acknowledgeReceipt", PATIENT_RELATIONS, Map.of("acknowledgedVia", "LETTER"));
        Task print = task(caseNumber, "printAndMailLetter");
        // the test clock stands at 2026-12-10 12:00 in Chicago
        for (String when : new String[] {"2026-12-10T12:30:00-06:00", "2022-12-01T10:00:00-06:00", "0001-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z", "next Tuesday"}) {
            GateHttp.Answer a = http.post(PATIENT_RELATIONS, "/engine-rest/task/" + print.getId() + "/complete",
                    GateHttp.json(Map.of("variables", Map.of("mailedAt", Map.of("value", when)))));
            assertThat(a.status()).as(when).isEqualTo(400);
            assertThat(a.json().path("errors").get(0).path("field").asText()).isEqualTo("mailedAt");
            assertThat(a.body()).doesNotContain(when);
        }
        assertThat(task(caseNumber, "printAndMailLetter")).isNotNull();
    }

    /** The refusals a form's fields allow, then the Tasklist-style completion with {@code values}. */
    private void work(String caseNumber, String taskKey, Role role, Map<String, Object> values, String required,
            String choiceField, String textField) {
        Task task = task(caseNumber, taskKey);
        assertThat(task).as(taskKey).isNotNull();
        String path = "/engine-rest/task/" + task.getId() + "/complete";
        long updatesBefore = history.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId())
                .variableUpdates().count();

        Map<String, Object> good = tasklistSubmission(task, role, values);
        refused(role, path, with(good, "caseNumberOfAnotherCase", "GRV-2026-999999"), "caseNumberOfAnotherCase");
        refused(role, path, with(good, "responseDueAt", "2099-01-01T00:00:00Z"), "responseDueAt");
        Map<String, Object> missing = new LinkedHashMap<>(good);
        missing.remove(required);
        refused(role, path, missing, required);
        if (choiceField != null) {
            refused(role, path, with(good, choiceField, "9"), choiceField);
        }
        if (textField != null) {
            refused(role, path, with(good, textField, "x".repeat(4001)), textField);
            refused(role, path, with(good, textField, "line\u0000break"), textField);
            refused(role, path, with(good, textField, "bell\u0007"), textField);
            refused(role, path, with(good, textField, "delete\u007f"), textField);
            refused(role, path, with(good, textField, "c1\u0085"), textField);
            // a lone surrogate can only travel JSON-escaped (UTF-8 cannot carry it)
            refused(role, path, with(good, textField, "half" + LONE_SURROGATE + "pair"), textField);
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as(taskKey + " still open").isEqualTo(1);
        assertThat(history.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).variableUpdates()
                .count()).as(taskKey + ": nothing written").isEqualTo(updatesBefore);

        GateHttp.Answer done = http.post(role, path, GateHttp.json(Map.of("variables", wrap(good))));
        assertThat(done.status()).as(taskKey + " completed with its form: " + done.body()).isEqualTo(204);
    }

    private void complete(String caseNumber, String taskKey, Role role, Map<String, Object> values) {
        Task task = task(caseNumber, taskKey);
        GateHttp.Answer done = http.post(role, "/engine-rest/task/" + task.getId() + "/complete",
                GateHttp.json(Map.of("variables", wrap(tasklistSubmission(task, role, values)))));
        assertThat(done.status()).as(taskKey + ": " + done.body()).isEqualTo(204);
    }

    private void refused(Role role, String path, Map<String, Object> values, String field) {
        GateHttp.Answer a = http.post(role, path, GateHttp.json(Map.of("variables", wrap(values)))
                .replace(LONE_SURROGATE, "\\ud800"));
        assertThat(a.status()).as(field + " -> " + a.body()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(a.body()).doesNotContain("GRV-2026-999999", "xxxxxxxx", "Exception", "ENGINE-");
    }

    /** What Tasklist submits: every field of the deployed form, the read-only ones with what they show. */
    private Map<String, Object> tasklistSubmission(Task task, Role role, Map<String, Object> values) {
        JsonNode form = http.get(role, "/engine-rest/task/" + task.getId() + "/deployed-form").json();
        JsonNode shown = http.get(role, "/engine-rest/task/" + task.getId() + "/form-variables").json();
        Map<String, Object> submission = new LinkedHashMap<>();
        for (String key : readonlyKeys(form.path("components"), new HashSet<>())) {
            JsonNode v = shown.path(key).path("value");
            if (!v.isMissingNode() && !v.isNull()) {
                submission.put(key, v.isBoolean() ? v.asBoolean() : v.asText());
            }
        }
        submission.putAll(values);
        return submission;
    }

    private static Set<String> readonlyKeys(JsonNode components, Set<String> into) {
        for (JsonNode c : components) {
            if (c.path("readonly").asBoolean(false) && c.hasNonNull("key")) {
                into.add(c.path("key").asText());
            }
            readonlyKeys(c.path("components"), into);
        }
        return into;
    }

    private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> wrap(Map<String, Object> values) {
        Map<String, Object> wrapped = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, Object>> it = values.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Object> e = it.next();
            wrapped.put(e.getKey(), Map.of("value", e.getValue()));
        }
        return wrapped;
    }

    private Task task(String caseNumber, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).singleResult();
    }
}
