package org.opengrievance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The project's REST API over HTTP, against the running application (H2, or PostgreSQL in CI). */
@GrievanceAppTest
class GrievanceApiTests {

    @LocalServerPort int port;
    @Autowired GrievanceCaseRepository cases;
    @Autowired HistoryService history;
    final ObjectMapper json = new ObjectMapper();
    RestClient http;
    RestClient reader;

    record Answer(int status, String contentType, JsonNode body, String location) {
    }

    @BeforeEach
    void client() {
        // intake logs complaints; patient relations read the whole case, engine state included
        http = TestUsers.client(port, TestUsers.Role.INTAKE);
        reader = TestUsers.client(port, TestUsers.Role.PATIENT_RELATIONS);
    }

    Answer post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> answer(res.getStatusCode(), res.getHeaders().getContentType(),
                        res.getBody().readAllBytes(), res.getHeaders().getFirst("Location")));
    }

    Answer get(String path) {
        return answer(reader, path);
    }

    Answer answer(RestClient client, String path) {
        return client.get().uri(path)
                .exchange((req, res) -> answer(res.getStatusCode(), res.getHeaders().getContentType(),
                        res.getBody().readAllBytes(), null));
    }

    Answer answer(HttpStatusCode status, MediaType type, byte[] body, String location) throws java.io.IOException {
        return new Answer(status.value(), type == null ? null : type.toString(),
                body.length == 0 ? null : json.readTree(body), location);
    }

    static String valid() {
        return """
                {"channel":"EMAIL","receivedAt":"2026-12-04T16:30:00-06:00","patientName":"%s",
                 "complaintText":"The meals arrived cold three days running.","serviceArea":"DIETARY",
                 "responseRequested":false,"preferredLanguage":"en"}
                """.formatted(Patients.unique());
    }

    @Test
    void createdGrievanceAnswersWithNumberClassificationReasonAndDeadline() {
        Answer created = post("/api/grievances", valid());
        assertThat(created.status()).isEqualTo(201);
        String caseNumber = created.body().get("caseNumber").asText();
        assertThat(caseNumber).matches("GRV-2026-\\d{6}");
        assertThat(created.location()).endsWith("/api/grievances/" + caseNumber);
        assertThat(created.body().get("classification").asText()).isEqualTo("GRIEVANCE");
        assertThat(created.body().get("classificationRule").asText()).isEqualTo("CMS-HOSP-2(c)");
        assertThat(created.body().get("classificationReason").asText()).contains("written");
        assertThat(created.body().get("responseDueAt").asText()).isEqualTo("2026-12-11T23:59:59.999-06:00");
        assertThat(created.body().get("zone").asText()).isEqualTo("America/Chicago");

        Answer read = get("/api/grievances/" + caseNumber);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("status").asText()).isEqualTo("OPEN");
        assertThat(read.body().get("activeActivities").toString()).contains("confirmClassification");
        // the open tasks of the view are those the reader may read: patient relations read only their own groups'
        // tasks (docs/security.md), so the intake task is read by intake, who started the case and holds it
        assertThat(read.body().get("tasks")).isEmpty();
        JsonNode task = answer(http, "/api/grievances/" + caseNumber).body().get("tasks").get(0);
        assertThat(task.get("assignee").asText()).isEqualTo(TestUsers.Role.INTAKE.userId());
        assertThat(task.get("activityId").asText()).isEqualTo("confirmClassification");
        assertThat(task.get("name").asText()).contains(caseNumber);
        assertThat(task.get("candidateGroups").toString()).contains("intake");
        assertThat(task.get("due").asText()).isEqualTo("2026-12-11T23:59:59.999-06:00");
        JsonNode deadline = read.body().get("deadlines").get(0);
        assertThat(deadline.get("dueAt").asText()).isEqualTo("2026-12-11T23:59:59.999-06:00");
        assertThat(deadline.get("late").asBoolean()).isFalse();
    }

    @Test
    void unknownCaseIsA404Problem() {
        Answer answer = get("/api/grievances/GRV-2026-999999");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("title").asText()).isNotBlank();
    }

    @Test
    void openApiDescriptionIsServed() {
        Answer docs = get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/grievances")).isTrue();
        assertThat(docs.body().get("paths").has("/api/grievances/{caseNumber}")).isTrue();
    }

    static List<Object[]> badInputs() {
        Map<String, Object> base;
        try {
            base = new ObjectMapper().readValue(valid(), Map.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return List.of(
                bad("missing patient name", without(base, "patientName"), "patientName"),
                bad("missing complaint text", without(base, "complaintText"), "complaintText"),
                bad("missing channel", without(base, "channel"), "channel"),
                bad("missing receipt time", without(base, "receivedAt"), "receivedAt"),
                bad("boolean given as text", with(base, "abuseOrNeglect", "yes"), "abuseOrNeglect"),
                bad("boolean given as number", with(base, "responseRequested", 1), "responseRequested"),
                bad("receipt time given as boolean", with(base, "receivedAt", true), "receivedAt"),
                bad("receipt time without offset", with(base, "receivedAt", "2026-12-04T16:30:00"), "receivedAt"),
                bad("unknown channel", with(base, "channel", "CARRIER_PIGEON"), "channel"),
                bad("channel given as ordinal", with(base, "channel", 2), "channel"),
                bad("unknown service area", with(base, "serviceArea", "SPA"), "serviceArea"),
                bad("unknown language", with(base, "preferredLanguage", "xx"), "preferredLanguage"),
                // more than the 5 minutes a sender's clock may run ahead (config.TimeBounds)
                bad("receipt in the future", with(base, "receivedAt", "2026-12-10T12:06:00-06:00"), "receivedAt"),
                bad("over-long complaint text", with(base, "complaintText", "x".repeat(4001)), "complaintText"),
                bad("over-long patient name", with(base, "patientName", "x".repeat(201)), "patientName"),
                bad("unknown field", with(base, "ssn", "123-45-6789"), "ssn"));
    }

    static Object[] bad(String label, Map<String, Object> body, String field) {
        try {
            return new Object[] {label, new ObjectMapper().writeValueAsString(body), field};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(base);
        copy.remove(key);
        return copy;
    }

    static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    @ParameterizedTest(name = "{0} is answered 400 and nothing is stored")
    @MethodSource("badInputs")
    void badInputIsAProblemResponseNamingTheFieldAndStoresNothing(String label, String body, String field) {
        long casesBefore = cases.count();
        long processesBefore = history.createHistoricProcessInstanceQuery().count();
        Answer answer = post("/api/grievances", body);
        assertThat(answer.status()).as(label).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asText()).isEqualTo("urn:grievance:problem:invalid-request");
        assertThat(answer.body().get("errors").toString()).as(label).contains("\"" + field + "\"");
        assertThat(answer.body().toString()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(cases.count()).isEqualTo(casesBefore);
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }

    @Test
    void malformedJsonIsAProblemResponse() {
        long casesBefore = cases.count();
        Answer answer = post("/api/grievances", "{\"channel\": \"EMAIL\", ");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(cases.count()).isEqualTo(casesBefore);
    }
}
