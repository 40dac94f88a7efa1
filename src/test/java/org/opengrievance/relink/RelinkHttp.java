package org.opengrievance.relink;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The project's API and engine-rest over HTTP Basic as a role, every answer read as JSON (problems included). */
final class RelinkHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String contentType, JsonNode body, HttpHeaders headers) {

        /** The first new case of a change. */
        JsonNode newCase() {
            return body.path("newCases").get(0);
        }
    }

    private final TestUsers users;

    RelinkHttp(TestUsers users) {
        this.users = users;
    }

    Answer post(Role role, String path, String body) {
        return users.as(role).post().uri(path).contentType(MediaType.APPLICATION_JSON).accept(MediaType.ALL)
                .body(body.getBytes(StandardCharsets.UTF_8)).exchange((req, res) -> answer(res.getStatusCode().value(),
                        res.getHeaders(), res.getBody().readAllBytes()));
    }

    Answer get(Role role, String path) {
        return users.as(role).get().uri(path).accept(MediaType.ALL).exchange((req, res) -> answer(
                res.getStatusCode().value(), res.getHeaders(), res.getBody().readAllBytes()));
    }

    /** Logs a complaint as intake; returns its case number. */
    /** Logs the contact for a patient of its own, so that no other open case makes it a possible duplicate (E7). */
    String logCase(String intakeJson) {
        Answer created = post(Role.INTAKE, "/api/grievances",
                intakeJson.replace("\"Pat Testpatient\"", "\"" + Patients.unique() + "\""));
        if (created.status() != 201) {
            throw new IllegalStateException("intake answered " + created.status() + ": " + created.body());
        }
        return created.body().get("caseNumber").asText();
    }

    private static Answer answer(int status, HttpHeaders headers, byte[] body) throws java.io.IOException {
        return new Answer(status, headers.getContentType() == null ? null : headers.getContentType().toString(),
                body.length == 0 ? null : JSON.readTree(body), headers);
    }
}
