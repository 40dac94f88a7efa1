package org.opengrievance.apidoc;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api} (served at {@code /v3/api-docs}) that connected systems generate
 * clients from: title and version, HTTP Basic, the problem schema every error uses, and, per operation, the
 * answers it really gives ({@link ApiOperations}). {@code .ci/run} lints it with an independent linter.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BASIC = "basicAuth";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI grievanceApi(@Value("${grievance.api.version:0.1.0}") String version) {
        return new OpenAPI()
                .info(new Info().title("Grievance engine API").version(version).description("""
                        Patient grievances for hospitals and health plans: log a complaint, read a case with its \
                        classification and deadline clocks, extend or expedite a plan clock, withdraw, read and \
                        download the letters, record oral notifications. Staff work the cases in Camunda \
                        Tasklist; this API is for connected systems and the project's own pages. Every error is \
                        an RFC 9457 problem (`application/problem+json`) that names the field or the rule and \
                        never repeats a submitted value."""))
                .servers(List.of(new Server().url("/").description("this engine")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("The engine's users and passwords (Camunda identity); roles are groups.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OpenApiCustomizer grievanceOperations() {
        return api -> {
            // added here, after springdoc has put in the schemas it generated from the controllers
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            CaseSearchParameters.describePage(api.getComponents().getSchemas().get("CaseSearchPage"));
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> ApiOperations.describe(path, method, operation)));
        };
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Schema error = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field at fault"))
                .addProperty("message", new StringSchema().description("what is wrong with it"));
        Schema problem = new ObjectSchema()
                .description("An RFC 9457 problem: what is wrong, in one sentence, and nothing else.")
                .addProperty("type", new StringSchema().format("uri").example("urn:grievance:problem:invalid-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The request has invalid fields."))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(error))
                .addProperty("rule", new StringSchema().description("the citation of the rule that refused")
                        .example("42 CFR 422.564(e)(2)"));
        problem.setExample(Map.of("type", "urn:grievance:problem:invalid-request", "title", "Invalid request",
                "status", 400, "detail", "The request has invalid fields.",
                "errors", List.of(Map.of("field", "receivedAt", "message", "must not be in the future"))));
        return problem;
    }
}
