package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Errors say what is wrong and nothing else: every 4xx of the project's API (and what used to be a 500) is a
 * problem without SQL, table names, Java class names, engine codes or the values the request sent (marked
 * {@value #MARK}); oddly written addresses on every surface are a 400 problem with one log line, no stack trace.
 */
@GrievanceAppTest
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorSweepTests {

    /** In every submitted value below; must never come back. */
    static final String MARK = "Zq7Marker";
    static final String UNKNOWN_CASE = "GRV-2026-987654";
    static final String VALID = "{\"channel\":\"EMAIL\",\"receivedAt\":\"2026-12-04T16:30:00-06:00\","
            + "\"patientName\":\"Pat " + MARK + "\",\"complaintText\":\"Cold meals " + MARK + "\","
            + "\"serviceArea\":\"DIETARY\",\"preferredLanguage\":\"en\"}";
    static final Pattern LEAKS = Pattern.compile(
            "ACT_|(?i:grievance_case)|(?i:\\bselect\\b)|(?i:\\binsert\\b)|org\\.|java\\.|Exception|ENGINE-|987654|" + MARK
                    + "|\\tat ");

    @Autowired TestUsers users;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static Arguments call(String name, Role role, String method, String path, String contentType, String body,
            int status) {
        return Arguments.of(name, role, method, path, contentType, body, status);
    }

    static Stream<Arguments> apiErrors() {
        String json = "application/json";
        String unknown = "/api/grievances/" + UNKNOWN_CASE;
        return Stream.of(
                call("unknown case", Role.AUDITOR, "GET", unknown, null, null, 404),
                call("unknown case's letters", Role.AUDITOR, "GET", unknown + "/letters", null, null, 404),
                call("unknown case's notifications", Role.AUDITOR, "GET", unknown + "/notifications", null, null, 404),
                call("unknown case's preview", Role.AUDITOR, "GET", unknown + "/letters/preview/ACKNOWLEDGEMENT", null,
                        null, 404),
                call("withdrawal of an unknown case", Role.PATIENT_RELATIONS, "POST", unknown + "/withdrawal", json,
                        "{\"note\":\"Called " + MARK + "\"}", 404),
                call("extension of an unknown case", Role.PATIENT_RELATIONS, "POST",
                        unknown + "/clocks/MEDICARE_ADVANTAGE/extension", json,
                        "{\"requestedBy\":\"ENROLLEE\",\"days\":14,\"reason\":\"" + MARK + "\"}", 404),
                call("unknown path", Role.AUDITOR, "GET", "/api/" + MARK, null, null, 404),
                call("unknown path below a case", Role.AUDITOR, "GET", unknown + "/" + MARK, null, null, 404),
                call("wrong method", Role.PATIENT_RELATIONS, "DELETE", unknown, null, null, 405),
                call("wrong method on the collection", Role.PATIENT_RELATIONS, "PUT", "/api/grievances", json, VALID, 405),
                call("unknown regime in the path", Role.PATIENT_RELATIONS, "POST", unknown + "/clocks/" + MARK + "/expedite",
                        json, "{\"trigger\":\"ENROLLEE_REQUEST\"}", 400),
                call("unknown letter kind in the path", Role.AUDITOR, "GET", unknown + "/letters/preview/" + MARK, null,
                        null, 400),
                call("not JSON", Role.INTAKE, "POST", "/api/grievances", "text/plain", MARK, 415),
                call("unparseable content type", Role.INTAKE, "POST", "/api/grievances", "application/" + MARK + ";;=",
                        VALID, 415),
                call("malformed JSON", Role.INTAKE, "POST", "/api/grievances", json, "{\"patientName\":\"" + MARK, 400),
                call("unknown field", Role.INTAKE, "POST", "/api/grievances", json,
                        VALID.replace("{", "{\"isAdmin\":\"" + MARK + "\","), 400),
                call("wrong enum value", Role.INTAKE, "POST", "/api/grievances", json,
                        VALID.replace("\"EMAIL\"", "\"" + MARK + "\""), 400),
                call("wrong date-time", Role.INTAKE, "POST", "/api/grievances", json,
                        VALID.replace("2026-12-04T16:30:00-06:00", MARK), 400),
                call("former 500: receivedAt -999999999", Role.INTAKE, "POST", "/api/grievances", json,
                        VALID.replace("2026-12-04T16:30:00-06:00", "-999999999-01-01T00:00:00Z"), 400),
                call("former 500: receivedAt +999999999", Role.INTAKE, "POST", "/api/grievances", json,
                        VALID.replace("2026-12-04T16:30:00-06:00", "+999999999-12-31T23:59:59Z"), 400),
                call("refused by the engine: original receipt after receipt", Role.INTAKE, "POST", "/api/grievances",
                        json, VALID.replace("{", "{\"originalReceivedAt\":\"2026-12-05T10:00:00-06:00\","), 400),
                call("no body", Role.INTAKE, "POST", "/api/grievances", json, "", 400),
                call("forbidden role", Role.AUDITOR, "POST", "/api/grievances", json, VALID, 403),
                call("no credentials", null, "GET", unknown, null, null, 401));
    }

    HttpResponse<String> send(Role role, String method, String rawPath, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(users.baseUrl() + rawPath))
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (role != null) {
            request.header("Authorization", users.basic(role));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static void assertSaysNothingElse(String name, HttpResponse<String> answer) {
        assertThat(answer.headers().firstValue("Content-Type")).as(name).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(LEAKS.matcher(answer.body()).find()).as(name + ": " + answer.body()).isFalse();
        answer.headers().map().forEach((header, values) -> values.forEach(v ->
                assertThat(LEAKS.matcher(v).find()).as(name + ": " + header + ": " + v).isFalse()));
    }

    @ParameterizedTest(name = "{0}: {6}")
    @MethodSource("apiErrors")
    void everyApiErrorIsAProblemThatSaysNothingElse(String name, Role role, String method, String path,
            String contentType, String body, int status) throws Exception {
        HttpResponse<String> answer = send(role, method, path, contentType, body);
        assertThat(answer.statusCode()).as(name + ": " + answer.body()).isEqualTo(status);
        assertSaysNothingElse(name, answer);
    }

    static Stream<String> oddPaths() {
        return Stream.of("/engine-rest;x/task", "/%65ngine-rest/task", "/engine-rest/%74ask", "/api;x/grievances",
                "/api/grievances;jsessionid=1/GRV-2026-000001", "//api/grievances", "/api//grievances",
                "/%61pi/grievances", "/api%2Fgrievances", "/api/grievances%2FGRV-2026-000001", "/camunda;x/app/tasklist/",
                "/camunda/api;x/engine/engine/default/task", "/%63amunda/app/tasklist/", "//camunda/app/tasklist/",
                "/camunda/app/tasklist/%2e%2e/cockpit/", "/api/grievances/%2e%2e/x");
    }

    @ParameterizedTest(name = "{0} is a 400 problem")
    @MethodSource("oddPaths")
    void oddlyWrittenAddressesAreA400ProblemWithOneLogLine(String path, CapturedOutput output) throws Exception {
        int before = output.getAll().length();
        HttpResponse<String> answer = send(Role.PATIENT_RELATIONS, "GET", path, null, null);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(400);
        assertThat(answer.body()).as(path).contains("\"status\":400");
        assertSaysNothingElse(path, answer);
        String logged = output.getAll().substring(before);
        assertThat(logged).as(path).doesNotContain("RequestRejectedException").doesNotContain("\tat ")
                .doesNotContain(path);
    }
}
