package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Headers on every surface and no HTTP session for anyone who has not signed in: the project's API,
 * engine-rest, Swagger, the webapps' pages, assets, welcome app and API. A webapp login still gets its session.
 */
@GrievanceAppTest
class HeadersAndSessionsTests {

    @Autowired TestUsers users;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(users.baseUrl() + path)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Each surface with the answer it gives a caller who has not signed in: the page itself, its redirect, or the
     * refusal; a surface that stopped existing (a 404 of the error page) would not test that surface's headers.
     */
    @ParameterizedTest(name = "anonymous GET {0} ({1}): framing, referrer and sniffing headers, no session")
    @CsvSource({"/, 302", "/actuator/health, 200", "/api/grievances/GRV-2026-000001, 401", "/engine-rest/task, 401",
            "/swagger-ui.html, 401", "/v3/api-docs, 401", "/camunda/app/tasklist/default/, 200",
            "/camunda/app/cockpit/default/, 200", "/camunda/app/admin/default/, 200",
            "/camunda/app/welcome/default/, 200", "/camunda/app/tasklist/, 302",
            "/camunda/api/engine/engine/default/task/count, 401",
            // nobody signed in: the webapps' "who is signed in" answers 404, as Camunda's own API does
            "/camunda/api/admin/auth/user/default, 404",
            "/camunda/app/tasklist/camunda-tasklist-bootstrap.js, 200",
            // the welcome app's folder without a file is not served; its page is
            "/camunda-welcome, 404", "/camunda-welcome/index.html, 200"})
    void everySurfaceSendsTheSecurityHeadersAndNoSessionCookie(String path, int status) throws Exception {
        HttpResponse<String> answer = get(path, Map.of());
        assertThat(answer.statusCode()).as(path).isEqualTo(status);
        var h = answer.headers();
        boolean framingRefused = h.firstValue("X-Frame-Options").filter("DENY"::equalsIgnoreCase).isPresent()
                || h.allValues("Content-Security-Policy").stream().anyMatch(c -> c.contains("frame-ancestors 'none'"));
        assertThat(framingRefused).as(path + " " + h.map()).isTrue();
        assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
        assertThat(h.allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @ParameterizedTest(name = "{0} may not be stored by any cache")
    @ValueSource(strings = {"/api/grievances/GRV-2026-000001", "/engine-rest/task",
            "/camunda/api/engine/engine/default/task/count", "/camunda/api/admin/auth/user/default"})
    void responsesThatCanCarryPhiAreNoStore(String path) throws Exception {
        for (Map<String, String> auth : List.of(Map.<String, String>of(),
                Map.of("Authorization", users.basic(Role.PATIENT_RELATIONS)))) {
            HttpResponse<String> answer = get(path, auth);
            assertThat(answer.headers().allValues("Cache-Control")).as(path + " " + answer.statusCode())
                    .anyMatch(c -> c.contains("no-store"));
        }
    }

    @Test
    void signedInCallsToTheApiAndEngineRestCreateNoSessionEither() throws Exception {
        String caseNumber = new SecurityTestSupport(users).logCase("DIETARY");
        // answered as the signed-in person (200), not refused: a refusal proves nothing about their session
        for (String path : List.of("/api/grievances/" + caseNumber, "/engine-rest/task")) {
            HttpResponse<String> answer = get(path, Map.of("Authorization", users.basic(Role.PATIENT_RELATIONS)));
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().allValues("Set-Cookie")).as(path).noneMatch(c -> c.startsWith("JSESSIONID"));
        }
    }

    @Test
    void theWebappStaticAssetsKeepTheirOwnCaching() throws Exception {
        HttpResponse<String> asset = get("/camunda/app/tasklist/camunda-tasklist-bootstrap.js", Map.of());
        // the script itself (a 404 would have no caching to keep)
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("javascript"));
        assertThat(asset.headers().allValues("Cache-Control")).noneMatch(c -> c.contains("no-store"));
    }

    @Test
    void aWebappLoginStillGetsItsSessionAndTheSessionWorks() {
        TestUsers.WebappSession tasklist = users.webapp();
        assertThat(tasklist.logIn(Role.INTAKE, "tasklist")).isEqualTo(200);
        HttpResponse<String> me = tasklist.get("/camunda/api/admin/auth/user/default");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains(Role.INTAKE.userId());
        HttpResponse<String> count = tasklist.get("/camunda/api/engine/engine/default/task/count");
        assertThat(count.statusCode()).isEqualTo(200);
    }
}
