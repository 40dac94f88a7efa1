package org.opengrievance.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The API contract connected systems generate clients from: a real title and version, the HTTP Basic
 * security scheme, every response each operation gives (201 with Location for intake, the problem schema for
 * errors, PDFs as binary). The description is also written to {@code target/openapi/openapi.json}, where
 * {@code .ci/run} lints it with an independent linter.
 */
@GrievanceAppTest
class OpenApiContractTests {

    static final Path WRITTEN = Path.of("target", "openapi", "openapi.json");

    @Autowired TestUsers users;

    JsonNode description() throws Exception {
        String body = users.as(Role.INTAKE).get().uri("/v3/api-docs").retrieve().body(String.class);
        Files.createDirectories(WRITTEN.getParent());
        Files.writeString(WRITTEN, body);
        return new ObjectMapper().readTree(body);
    }

    @Test
    void theDescriptionNamesTheApiItsSecurityAndEveryAnswer() throws Exception {
        JsonNode api = description();
        assertThat(api.path("info").path("title").asText()).isEqualTo("Grievance engine API");
        // the API's own version (grievance.api.version), not springdoc's placeholder "v0"
        assertThat(api.path("info").path("version").asText()).isEqualTo("0.1.0");
        assertThat(api.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(api.path("security").toString()).contains("basicAuth");

        JsonNode intake = api.path("paths").path("/api/grievances").path("post");
        assertThat(intake.path("responses").path("201").path("headers").has("Location")).isTrue();
        assertThat(intake.path("responses").path("200").isMissingNode()).as("replay of an Idempotency-Key").isFalse();
        assertThat(intake.path("responses").path("422").path("content").has("application/problem+json")).isTrue();
        assertThat(intake.path("parameters").toString()).contains("Idempotency-Key");
        for (String status : new String[] {"400", "401", "403"}) {
            assertThat(intake.path("responses").path(status).path("content").path("application/problem+json")
                    .path("schema").path("$ref").asText()).as(status).isEqualTo("#/components/schemas/Problem");
        }
        JsonNode pdf = api.path("paths").path("/api/grievances/{caseNumber}/letters/{id}/pdf").path("get")
                .path("responses").path("200").path("content").path("application/pdf").path("schema");
        assertThat(pdf.path("type").asText()).isEqualTo("string");
        assertThat(pdf.path("format").asText()).isEqualTo("binary");
        // the case search's total is exact only up to the count cap, and says when it is not
        JsonNode page = api.path("components").path("schemas").path("CaseSearchPage").path("properties");
        assertThat(page.path("totalCapped").path("type").asText()).isEqualTo("boolean");
        assertThat(page.path("totalCapped").path("description").asText()).contains("count cap");
        assertThat(page.path("total").path("description").asText()).contains("exact when totalCapped is false");
    }
}
