package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.support.TestUsers.Role;

/**
 * Tries a user task's completion over engine-rest the wrong ways (a field the form does not declare, a
 * required one missing, a value outside the options, too long, each kind of control character) and then the
 * right way, as Tasklist sends it.
 */
final class TaskFormProbe {

    static final String LONE_SURROGATE = "LONE-SURROGATE";

    private final GateHttp http;
    private final TaskService tasks;
    private final HistoryService history;

    TaskFormProbe(GateHttp http, TaskService tasks, HistoryService history) {
        this.http = http;
        this.tasks = tasks;
        this.history = history;
    }

    /** The refusals a form's fields allow, then the Tasklist-style completion with {@code values}. */
    void work(String caseNumber, String taskKey, Role role, Map<String, Object> values, String required,
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

    void complete(String caseNumber, String taskKey, Role role, Map<String, Object> values) {
        Task task = task(caseNumber, taskKey);
        GateHttp.Answer done = http.post(role, "/engine-rest/task/" + task.getId() + "/complete",
                GateHttp.json(Map.of("variables", wrap(tasklistSubmission(task, role, values)))));
        assertThat(done.status()).as(taskKey + ": " + done.body()).isEqualTo(204);
    }

    /** How many wrong completions were tried and refused, over all probes of a test run. */
    static final java.util.concurrent.atomic.AtomicInteger TRIED = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger REFUSED = new java.util.concurrent.atomic.AtomicInteger();

    static String counts() {
        return "form contract checks: " + TRIED.get() + " wrong completions tried, " + REFUSED.get() + " refused";
    }

    private void refused(Role role, String path, Map<String, Object> values, String field) {
        TRIED.incrementAndGet();
        GateHttp.Answer a = http.post(role, path, GateHttp.json(Map.of("variables", wrap(values)))
                .replace(LONE_SURROGATE, "\\ud800"));
        if (a.status() == 400) {
            REFUSED.incrementAndGet();
        }
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

    Task task(String caseNumber, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).singleResult();
    }
}
