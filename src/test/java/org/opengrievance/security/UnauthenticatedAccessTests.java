package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Nothing the application serves answers a caller without credentials, except the health check and the
 * webapps' login pages: every handler method Spring MVC maps (found at run time, so new endpoints are swept
 * too), a representative list of engine-rest resources, the webapps' API, Swagger UI and OpenAPI.
 */
@GrievanceAppTest
class UnauthenticatedAccessTests {

    static final String CASE = "GRV-2026-000001";

    @Autowired TestUsers users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    record Call(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    HttpResponse<String> send(Call call, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(users.baseUrl() + call.path()));
        headers.forEach(request::header);
        boolean body = List.of("POST", "PUT", "PATCH").contains(call.method());
        if (body) {
            request.header("Content-Type", "application/json");
        }
        request.method(call.method(), body ? HttpRequest.BodyPublishers.ofString("{}")
                : HttpRequest.BodyPublishers.noBody());
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every pattern and method of every handler method, path variables filled with plausible values. */
    List<Call> mappedEndpoints() {
        Set<Call> calls = new LinkedHashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{\\*[^}]+}", "x").replaceAll("\\{caseNumber[^}]*}", CASE)
                        .replaceAll("\\{regime[^}]*}", "HOSPITAL_COP").replaceAll("\\{id[^}]*}", "1")
                        .replaceAll("\\{[^}]+}", "x");
                if (methods.isEmpty()) {
                    calls.add(new Call("GET", path));
                } else {
                    methods.forEach(m -> calls.add(new Call(m.name(), path)));
                }
            }
        }
        return new ArrayList<>(calls);
    }

    @Test
    void everyMappedEndpointOfTheApplicationAsksForCredentials() throws Exception {
        List<Call> calls = mappedEndpoints();
        assertThat(calls).as("the sweep found the API").contains(new Call("POST", "/api/grievances"),
                new Call("GET", "/api/grievances/" + CASE), new Call("POST", "/api/grievances/" + CASE + "/withdrawal"),
                new Call("GET", "/v3/api-docs"));
        for (Call call : calls) {
            HttpResponse<String> answer = send(call, Map.of());
            assertThat(answer.statusCode()).as(call.toString()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(call.toString()).hasValueSatisfying(
                    v -> assertThat(v).startsWith("Basic"));
            assertThat(answer.body()).as(call.toString()).doesNotContain("Exception");
        }
    }

    @Test
    void wrongCredentialsAreRefusedLikeNone() throws Exception {
        // a user that does not exist: no real account is throttled by this
        Map<String, String> wrong = Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("nosuchuser:guess".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (Call call : List.of(new Call("GET", "/api/grievances/" + CASE), new Call("POST", "/api/grievances"),
                new Call("GET", "/engine-rest/task"), new Call("GET", "/v3/api-docs"))) {
            HttpResponse<String> answer = send(call, wrong);
            assertThat(answer.statusCode()).as(call.toString()).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).as(call.toString())
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        }
    }

    static final List<Call> ENGINE_REST = List.of(
            new Call("GET", "/engine-rest/engine"),
            new Call("GET", "/engine-rest/version"),
            new Call("GET", "/engine-rest/process-definition"),
            new Call("GET", "/engine-rest/process-definition/key/grievance"),
            new Call("GET", "/engine-rest/process-definition/key/grievance/xml"),
            new Call("POST", "/engine-rest/process-definition/key/grievance/start"),
            new Call("GET", "/engine-rest/process-instance"),
            new Call("DELETE", "/engine-rest/process-instance/x"),
            new Call("GET", "/engine-rest/process-instance/x/variables"),
            new Call("GET", "/engine-rest/task"),
            new Call("GET", "/engine-rest/task/x"),
            new Call("POST", "/engine-rest/task/x/claim"),
            new Call("POST", "/engine-rest/task/x/complete"),
            new Call("GET", "/engine-rest/task/x/form-variables"),
            new Call("GET", "/engine-rest/history/process-instance"),
            new Call("GET", "/engine-rest/history/activity-instance"),
            new Call("GET", "/engine-rest/history/task"),
            new Call("GET", "/engine-rest/history/variable-instance"),
            new Call("GET", "/engine-rest/history/detail"),
            new Call("GET", "/engine-rest/history/user-operation"),
            new Call("GET", "/engine-rest/history/decision-instance"),
            new Call("GET", "/engine-rest/history/incident"),
            new Call("GET", "/engine-rest/history/job-log"),
            new Call("GET", "/engine-rest/deployment"),
            new Call("POST", "/engine-rest/deployment/create"),
            new Call("DELETE", "/engine-rest/deployment/x"),
            new Call("GET", "/engine-rest/user"),
            new Call("POST", "/engine-rest/user/create"),
            new Call("GET", "/engine-rest/group"),
            new Call("GET", "/engine-rest/identity/groups?userId=admin"),
            new Call("GET", "/engine-rest/authorization"),
            new Call("POST", "/engine-rest/authorization/create"),
            new Call("GET", "/engine-rest/filter"),
            new Call("GET", "/engine-rest/job"),
            new Call("GET", "/engine-rest/job-definition"),
            new Call("GET", "/engine-rest/incident"),
            new Call("GET", "/engine-rest/execution"),
            new Call("GET", "/engine-rest/variable-instance"),
            new Call("GET", "/engine-rest/decision-definition"),
            new Call("POST", "/engine-rest/decision-definition/key/GrievanceClassification/evaluate"),
            new Call("POST", "/engine-rest/message"),
            new Call("POST", "/engine-rest/signal"),
            new Call("GET", "/engine-rest/external-task"),
            new Call("GET", "/engine-rest/batch"),
            new Call("GET", "/engine-rest/tenant"),
            new Call("GET", "/engine-rest/metrics"),
            new Call("GET", "/engine-rest/event-subscription"),
            new Call("GET", "/engine-rest/case-definition"));

    @Test
    void engineRestAsksForCredentialsOnEveryResource() throws Exception {
        for (Call call : ENGINE_REST) {
            HttpResponse<String> answer = send(call, Map.of());
            assertThat(answer.statusCode()).as(call.toString()).isEqualTo(401);
        }
    }

    @Test
    void webappApiSwaggerAndOpenApiAskForCredentials() throws Exception {
        for (Call call : List.of(new Call("GET", "/camunda/api/engine/engine/default/task"),
                new Call("GET", "/camunda/api/engine/engine/default/process-definition"),
                new Call("GET", "/camunda/api/engine/engine/default/history/process-instance"),
                new Call("GET", "/camunda/api/engine/engine/default/user"),
                new Call("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics"),
                new Call("GET", "/swagger-ui.html"), new Call("GET", "/swagger-ui/index.html"),
                new Call("GET", "/v3/api-docs"), new Call("GET", "/v3/api-docs.yaml"),
                new Call("GET", "/v3/api-docs/swagger-config"), new Call("GET", "/actuator"),
                new Call("GET", "/actuator/env"), new Call("GET", "/error"), new Call("GET", "/no-such-page"))) {
            HttpResponse<String> answer = send(call, Map.of());
            assertThat(answer.statusCode()).as(call.toString()).isEqualTo(401);
        }
    }

    @Test
    void onlyTheHealthCheckTheRootRedirectAndTheWebappLoginPagesAreOpen() throws Exception {
        HttpResponse<String> health = send(new Call("GET", "/actuator/health"), Map.of());
        // open, status only; the mail server is not part of it (management.health.mail.enabled: false), the database
        // and the job executor check are up in this context
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("details").doesNotContain("diskSpace");

        HttpResponse<String> root = send(new Call("GET", "/"), Map.of());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).endsWith("/camunda/app/"));

        for (String app : List.of("tasklist", "cockpit", "admin")) {
            HttpResponse<String> page = send(new Call("GET", "/camunda/app/" + app + "/default/"), Map.of());
            assertThat(page.statusCode()).as(app).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(app).isPresent();
        }
        // nothing a webapp page loads before sign-in challenges for HTTP Basic: the browser would put its own
        // password dialog over the webapp's login form
        for (String page : List.of("/camunda-welcome/index.html", "/camunda/app/welcome/default/")) {
            HttpResponse<String> welcome = send(new Call("GET", page), Map.of());
            assertThat(welcome.statusCode()).as(page).isEqualTo(200);
            assertThat(welcome.headers().firstValue("WWW-Authenticate")).as(page).isEmpty();
        }
        // the webapps' static assets load before anyone signs in
        HttpResponse<String> script = send(new Call("GET", "/camunda/app/tasklist/scripts/config.js"), Map.of());
        assertThat(script.statusCode()).isEqualTo(200);
    }
}
