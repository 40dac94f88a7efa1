package org.opengrievance.gate;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** engine-rest and /api over HTTP Basic as a role, for the gate's tests. */
final class GateHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        String detail() {
            return json().path("detail").asText();
        }
    }

    private final TestUsers users;

    GateHttp(TestUsers users) {
        this.users = users;
    }

    Answer call(Role role, HttpMethod method, String path, String body) {
        return call(role, method, path, body, MediaType.APPLICATION_JSON_VALUE);
    }

    Answer call(Role role, HttpMethod method, String path, String body, String contentType) {
        var request = users.as(role).method(method).uri(path).accept(MediaType.ALL);
        if (body != null) {
            request = request.header(HttpHeaders.CONTENT_TYPE, contentType).body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), res.getHeaders()));
    }

    Answer post(Role role, String path, String body) {
        return call(role, HttpMethod.POST, path, body);
    }

    Answer get(Role role, String path) {
        return call(role, HttpMethod.GET, path, null);
    }

    /** Logs a written grievance through the API as intake staff, for a patient of its own; returns its case number. */
    String logCase(String serviceArea) {
        return logCase(serviceArea, Patients.unique());
    }

    /** The same for this patient: a second one while the first is open meets intake's duplicate check. */
    String logCase(String serviceArea, String patient) {
        Answer created = post(Role.INTAKE, "/api/grievances", "{\"channel\":\"LETTER\",\"receivedAt\":"
                + "\"2026-12-04T16:30:00-06:00\",\"patientName\":\"" + patient + "\",\"complaintText\":"
                + "\"The call bell went unanswered for forty minutes.\",\"serviceArea\":\"" + serviceArea + "\","
                + "\"responseRequested\":false,\"preferredLanguage\":\"en\"}");
        if (created.status() != 201) {
            throw new IllegalStateException("intake answered " + created.status() + ": " + created.body());
        }
        return created.json().get("caseNumber").asText();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
