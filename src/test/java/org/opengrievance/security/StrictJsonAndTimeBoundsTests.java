package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengrievance.config.TimeBounds;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Strict JSON and bounded times on the project's API: each bad body is refused with a problem naming the
 * field (415 for a charset other than UTF-8), never a 500, and nothing is stored. "Now" is the test clock
 * ({@link GrievanceAppTest#NOW}, 2026-12-10T18:00Z); the look-back is the default three years.
 */
@GrievanceAppTest
class StrictJsonAndTimeBoundsTests {

    static final String VALID = "{\"channel\":\"EMAIL\",\"receivedAt\":\"2026-12-04T16:30:00-06:00\","
            + "\"patientName\":\"Pat Testpatient\",\"complaintText\":\"The meals arrived cold.\","
            + "\"serviceArea\":\"DIETARY\",\"preferredLanguage\":\"en\"}";
    static final String INTAKE = "/api/grievances";
    static final String EXTENSION = "/api/grievances/GRV-2026-000001/clocks/MEDICARE_ADVANTAGE/extension";
    static final String ORAL = "/api/grievances/GRV-2026-000001/notifications/oral";

    @Autowired TestUsers users;
    @Autowired GrievanceCaseRepository cases;
    @Autowired HistoryService history;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    static String with(String field, String rawJsonValue) {
        String body = VALID.substring(0, VALID.length() - 1) + ",\"" + field + "\":" + rawJsonValue + "}";
        if (field.equals("receivedAt") || field.equals("patientName")) {
            // replace, not duplicate: drop the valid one
            body = body.replaceFirst("\"" + field + "\":\"[^\"]*\",", "");
        }
        return body;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The valid body with {@code bytes} in the middle of the patient's name. */
    static byte[] nameWithBytes(int... bytes) {
        String[] halves = VALID.split("Testpatient");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(halves[0]));
        for (int b : bytes) {
            out.write(b);
        }
        out.writeBytes(utf8(halves[1]));
        return out.toByteArray();
    }

    static String at(Duration fromNow) {
        return "\"" + OffsetDateTime.ofInstant(GrievanceAppTest.NOW.plus(fromNow), ZoneOffset.ofHours(-6)) + "\"";
    }

    static String yearsAgo(int years, int plusDays) {
        return "\"" + OffsetDateTime.ofInstant(GrievanceAppTest.NOW, ZoneOffset.UTC).minusYears(years)
                .plusDays(plusDays) + "\"";
    }

    static Arguments row(String name, String path, String contentType, byte[] body, int status, String field) {
        return Arguments.of(name, path, contentType, body, status, field);
    }

    static Stream<Arguments> badBodies() {
        String json = "application/json";
        return Stream.of(
                row("charset ISO-8859-1 with C1 bytes", INTAKE, "application/json;charset=ISO-8859-1",
                        nameWithBytes(0x85, 0x9B), 415, null),
                row("charset windows-1252", INTAKE, "application/json; charset=windows-1252", utf8(VALID), 415, null),
                row("overlong UTF-8 for '/'", INTAKE, json, nameWithBytes(0xC0, 0xAF), 400, "(body)"),
                row("overlong UTF-8 for NUL", INTAKE, json, nameWithBytes(0xC0, 0x80), 400, "(body)"),
                row("UTF-8 of a surrogate", INTAKE, json, nameWithBytes(0xED, 0xA0, 0x80), 400, "(body)"),
                row("a raw NUL byte", INTAKE, json, nameWithBytes(0x00), 400, "(body)"),
                row("UTF-16 body", INTAKE, json, VALID.getBytes(StandardCharsets.UTF_16LE), 400, "(body)"),
                row("C1 control as an escape", INTAKE, json, utf8(with("patientName", "\"Pat\\u0085Test\"")), 400,
                        "patientName"),
                row("duplicate key", INTAKE, json, utf8(VALID.replace("{", "{\"patientName\":\"Other Name\",")), 400,
                        "patientName"),
                row("trailing garbage", INTAKE, json, utf8(VALID + " trailing"), 400, "(body)"),
                row("a second JSON value", INTAKE, json, utf8(VALID + VALID), 400, "(body)"),
                row("a number for patientName", INTAKE, json, utf8(with("patientName", "12345")), 400, "patientName"),
                row("a boolean for patientName", INTAKE, json, utf8(with("patientName", "true")), 400, "patientName"),
                row("a string for a boolean", INTAKE, json, utf8(with("responseRequested", "\"true\"")), 400,
                        "responseRequested"),
                row("receivedAt in the year 0001", INTAKE, json, utf8(with("receivedAt", "\"0001-01-01T00:00:00Z\"")),
                        400, "receivedAt"),
                row("receivedAt -999999999", INTAKE, json,
                        utf8(with("receivedAt", "\"-999999999-01-01T00:00:00Z\"")), 400, "receivedAt"),
                row("receivedAt below the smallest date-time", INTAKE, json,
                        utf8(with("receivedAt", "\"-999999999-01-01T00:00:00-18:00\"")), 400, "receivedAt"),
                row("receivedAt +999999999", INTAKE, json,
                        utf8(with("receivedAt", "\"+999999999-12-31T23:59:59Z\"")), 400, "receivedAt"),
                row("receivedAt as seconds", INTAKE, json, utf8(with("receivedAt", "1796000000")), 400, "receivedAt"),
                row("receivedAt as 1e300", INTAKE, json, utf8(with("receivedAt", "1e300")), 400, "receivedAt"),
                row("receivedAt 10 minutes ahead", INTAKE, json, utf8(with("receivedAt", at(Duration.ofMinutes(10)))),
                        400, "receivedAt"),
                row("receivedAt a day before the look-back", INTAKE, json,
                        utf8(with("receivedAt", yearsAgo(3, -1))), 400, "receivedAt"),
                row("originalReceivedAt in the year 0001", INTAKE, json,
                        utf8(with("originalReceivedAt", "\"0001-01-01T00:00:00Z\"")), 400, "originalReceivedAt"),
                row("planReceivedAt +999999999", INTAKE, json,
                        utf8(with("planReceivedAt", "\"+999999999-12-31T23:59:59Z\"")), 400, "planReceivedAt"),
                row("days 14.5", EXTENSION, json,
                        utf8("{\"requestedBy\":\"ENROLLEE\",\"days\":14.5,\"reason\":\"More records\"}"), 400, "days"),
                row("days as a string", EXTENSION, json,
                        utf8("{\"requestedBy\":\"ENROLLEE\",\"days\":\"14\",\"reason\":\"More records\"}"), 400, "days"),
                row("notifiedAt in the year 0001", ORAL, json,
                        utf8("{\"kind\":\"ACKNOWLEDGEMENT\",\"notifiedAt\":\"0001-01-01T00:00:00Z\"}"), 400, "notifiedAt"),
                row("notifiedAt -999999999", ORAL, json,
                        utf8("{\"kind\":\"ACKNOWLEDGEMENT\",\"notifiedAt\":\"-999999999-01-01T00:00:00Z\"}"), 400,
                        "notifiedAt"),
                row("notifiedAt an hour ahead", ORAL, json,
                        utf8("{\"kind\":\"ACKNOWLEDGEMENT\",\"notifiedAt\":" + at(Duration.ofHours(1)) + "}"), 400,
                        "notifiedAt"));
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        Role role = path.equals(INTAKE) ? Role.INTAKE : Role.PATIENT_RELATIONS;
        HttpRequest request = HttpRequest.newBuilder(URI.create(users.baseUrl() + path))
                .header("Authorization", users.basic(role)).header("Content-Type", contentType)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}: {4}")
    @MethodSource("badBodies")
    void badBodiesAreRefusedNamingTheFieldAndNothingIsStored(String name, String path, String contentType,
            byte[] body, int status, String field) throws Exception {
        long rows = cases.count();
        long processes = history.createHistoricProcessInstanceQuery().count();

        HttpResponse<String> answer = post(path, contentType, body);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(answer.body());
        if (field == null) {
            assertThat(problem.get("detail").asText()).contains("UTF-8");
        } else {
            assertThat(problem.get("errors")).as(answer.body()).hasSize(1);
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(field);
        }
        assertThat(answer.body()).doesNotContain("Testpatient").doesNotContain("Other Name")
                .doesNotContain("999999999").doesNotContain("0001-01-01").doesNotContain("12345")
                .doesNotContain("Exception").doesNotContain("java.");
        assertThat(cases.count()).isEqualTo(rows);
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(processes);
    }

    @Test
    void timesJustInsideTheBoundsAreAccepted() throws Exception {
        // the look-back is three years: a receipt a day inside it is a case
        HttpResponse<String> old = post(INTAKE, "application/json", utf8(with("receivedAt", yearsAgo(3, 1))));
        assertThat(old.statusCode()).as(old.body()).isEqualTo(201);
        // UTF-8 named explicitly is UTF-8
        HttpResponse<String> named = post(INTAKE, "application/json;charset=utf-8", utf8(VALID));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        // a receipt time within the clock-skew allowance (the sender's clock a little ahead)
        assertThat(TimeBounds.CLOCK_SKEW).isEqualTo(Duration.ofMinutes(5));
        String caseNumber = json.readTree(named.body()).get("caseNumber").asText();
        HttpResponse<String> oral = post("/api/grievances/" + caseNumber + "/notifications/oral", "application/json",
                utf8("{\"kind\":\"ACKNOWLEDGEMENT\",\"notifiedAt\":" + at(Duration.ofMinutes(4)) + "}"));
        assertThat(oral.statusCode()).as(oral.body()).isEqualTo(200);
    }
}
