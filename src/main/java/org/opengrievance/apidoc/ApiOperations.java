package org.opengrievance.apidoc;

import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * What each operation of {@code /api} is for and what it answers, in one table next to the controllers
 * (which stay free of documentation annotations). An operation missing here gets no summary and the linter
 * in {@code .ci/run} fails: a new endpoint is documented before it lands.
 */
final class ApiOperations {

    record Doc(String operationId, String summary) {
    }

    private static final String CASE = "/api/grievances/{caseNumber}";

    private static final Map<String, Doc> DOCS = Map.ofEntries(
            Map.entry("POST /api/grievances", new Doc("logGrievance", "Log a complaint: a new case, classified, with its deadline")),
            Map.entry("GET " + CASE, new Doc("readCase", "Read a case: classification, deadlines per regime, open tasks")),
            Map.entry("POST " + CASE + "/withdrawal", new Doc("withdraw", "Record that the patient withdrew the grievance")),
            Map.entry("POST " + CASE + "/clocks/{regime}/extension", new Doc("extendClock", "Extend a plan clock (the rules decide whether it may be)")),
            Map.entry("POST " + CASE + "/clocks/{regime}/expedite", new Doc("expediteClock", "Expedite a plan clock (24 hours)")),
            Map.entry("GET " + CASE + "/letters", new Doc("listLetters", "List the case's stored letters")),
            Map.entry("GET " + CASE + "/letters/{id}/pdf", new Doc("downloadLetter", "Download a stored letter as PDF")),
            Map.entry("GET " + CASE + "/letters/preview/{kind}", new Doc("previewLetter", "Preview a letter of the case as PDF (not stored)")),
            Map.entry("GET " + CASE + "/letter-preferences", new Doc("readLetterPreferences", "Read how the patient wants letters (large print)")),
            Map.entry("PUT " + CASE + "/letter-preferences", new Doc("setLetterPreferences", "Record how the patient wants letters (large print on request)")),
            Map.entry("GET " + CASE + "/notifications", new Doc("listNotifications", "List the written and oral notifications of the patient")),
            Map.entry("POST " + CASE + "/notifications/oral", new Doc("recordOralNotification", "Record an oral notification (phone or in person)")));

    private ApiOperations() {
    }

    static void describe(String path, HttpMethod method, Operation operation) {
        Doc doc = DOCS.get(method.name() + " " + path);
        if (doc != null) {
            operation.setOperationId(doc.operationId());
            operation.setSummary(doc.summary());
        }
        ApiResponses responses = operation.getResponses();
        if (path.equals("/api/grievances") && method == HttpMethod.POST) {
            intake(operation, responses);
        }
        if (path.endsWith("/pdf") || path.endsWith("/preview/{kind}")) {
            ApiResponse ok = responses.get("200");
            ok.setDescription("the letter");
            ok.setContent(new Content().addMediaType("application/pdf",
                    new MediaType().schema(new StringSchema().format("binary"))));
        }
        if (path.endsWith("/preview/{kind}")) {
            problem(responses, "404", "there is no such case, or the case's rules send no such letter");
            problem(responses, "422", "the letter still lacks required elements (listed in `missing`)");
        }
        boolean changes = method != HttpMethod.GET;
        problem(responses, "400", changes ? "a field is missing or wrong (named in `errors`)" : "a path parameter is not valid");
        problem(responses, "401", "no or wrong credentials");
        problem(responses, "403", "the signed-in user's role may not do this");
        if (path.startsWith(CASE)) {
            problem(responses, "404", "there is no such case (or letter)");
        }
        if (changes && path.startsWith(CASE)) {
            problem(responses, "409", "the case's state or a rule forbids it (the rule is cited in `rule`)");
        }
        if (changes) {
            problem(responses, "413", "the body is larger than 64 KiB");
            problem(responses, "415", "the body is not JSON in UTF-8");
        }
    }

    private static void intake(Operation operation, ApiResponses responses) {
        ApiResponse ok = responses.get("200");
        ApiResponse created = new ApiResponse().description("the new case").content(ok.getContent())
                .addHeaderObject("Location", new Header().description("the case's address")
                        .schema(new StringSchema().example("/api/grievances/GRV-2026-000123")));
        responses.addApiResponse("201", created);
        responses.addApiResponse("200", new ApiResponse()
                .description("the same Idempotency-Key and complaint within 24 hours: the first answer again")
                .content(ok.getContent()).addHeaderObject("Location", created.getHeaders().get("Location")));
        problem(responses, "422", "the Idempotency-Key was used in the last 24 hours for another complaint");
        operation.getParameters().stream().filter(p -> "Idempotency-Key".equals(p.getName())).forEach(p -> p
                .description("Any 1–200 visible ASCII characters (a UUID): a retry with the same key and body "
                        + "returns the first answer instead of logging the complaint twice; kept 24 hours, per user.")
                .schema(new StringSchema().maxLength(200).example("3f8e4c1a-2b7d-4e0f-9a61-0c5d2e7b9f14")));
    }

    @SuppressWarnings("rawtypes")
    private static void problem(ApiResponses responses, String status, String description) {
        if (responses.containsKey(status)) {
            return;
        }
        Schema ref = new Schema().$ref("#/components/schemas/" + ApiDescription.PROBLEM);
        responses.addApiResponse(status, new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(ref))));
    }
}
