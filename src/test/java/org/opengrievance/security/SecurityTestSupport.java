package org.opengrievance.security;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** HTTP calls as a role, and cases moved along with TaskService (as the system, without a user). */
final class SecurityTestSupport {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return body == null || body.isEmpty() ? null : JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final TestUsers users;

    SecurityTestSupport(TestUsers users) {
        this.users = users;
    }

    Answer call(Role role, HttpMethod method, String path, String jsonBody) {
        var client = role == null ? users.anonymous() : users.as(role);
        var request = client.method(method).uri(path).accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON,
                MediaType.ALL);
        if (jsonBody != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        }
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString(),
                new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), res.getHeaders()));
    }

    Answer get(Role role, String path) {
        return call(role, HttpMethod.GET, path, null);
    }

    Answer post(Role role, String path, String jsonBody) {
        return call(role, HttpMethod.POST, path, jsonBody);
    }

    static String intake(String serviceArea, String patient, String text) {
        try {
            return JSON.writeValueAsString(Map.of("channel", "LETTER", "receivedAt", "2026-12-04T16:30:00-06:00",
                    "patientName", patient, "complaintText", text, "serviceArea", serviceArea,
                    "responseRequested", false, "preferredLanguage", "en"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Logs a grievance through the API as intake staff; returns its case number. */
    String logCase(String serviceArea) {
        Answer created = post(Role.INTAKE, "/api/grievances",
                intake(serviceArea, Patients.unique(), "The call bell went unanswered for forty minutes."));
        if (created.status() != 201) {
            throw new IllegalStateException("intake answered " + created.status() + ": " + created.body());
        }
        return created.json().get("caseNumber").asText();
    }

    static Task task(TaskService tasks, String caseNumber, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).singleResult();
    }

    /**
     * Confirms and acknowledges by phone (as the system, no letter to deliver): the case then waits in the
     * routed department's investigation.
     */
    static Task toInvestigation(TaskService tasks, String caseNumber) {
        tasks.complete(task(tasks, caseNumber, "confirmClassification").getId(), Map.of("classification", "GRIEVANCE"));
        tasks.complete(task(tasks, caseNumber, "acknowledgeReceipt").getId(), Map.of("acknowledgedVia", "PHONE"));
        Task gather = task(tasks, caseNumber, "gatherFindings");
        if (gather == null) {
            throw new IllegalStateException("no investigation task for " + caseNumber);
        }
        return gather;
    }
}
