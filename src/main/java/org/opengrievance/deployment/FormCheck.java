package org.opengrievance.deployment;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Camunda Form (form-js JSON). Form values are data, not expressions, so there is no expression check
 * here; what a form can do wrong is submit a variable the engine owns ({@link EngineOwnedVariables}), embed
 * another web page, or, replacing a shipped file, change the form id the models reference.
 * A field that shows an engine-owned variable is fine when it is {@code readonly} or {@code disabled}.
 */
final class FormCheck {

    static final String UNREADABLE = "The file is not a Camunda Form the engine can read.";
    static final String ID_CHANGED = "This file replaces a shipped form but its form id changed; the models find the form by that id.";
    static final String ENGINE_OWNED = "The form declares an editable field for a variable that only the engine sets.";
    static final String IFRAME = "Forms may not embed other web pages: an embedded page could receive the case's data.";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormCheck() {
    }

    static List<DeploymentViolation> check(String resource, byte[] bytes) {
        JsonNode form;
        try {
            form = JSON.readTree(bytes);
        } catch (java.io.IOException unreadable) {
            form = null;
        }
        if (form == null || !form.isObject()) {
            return List.of(new DeploymentViolation(resource, null, UNREADABLE));
        }
        List<DeploymentViolation> violations = new ArrayList<>();
        String stem = Resources.fileName(resource).replaceFirst("(?i)\\.form$", "");
        if (ContractIds.FORMS.contains(stem) && !stem.equals(form.path("id").asText())) {
            violations.add(new DeploymentViolation(resource, stem, ID_CHANGED));
        }
        components(resource, form.path("components"), violations);
        return violations;
    }

    private static void components(String resource, JsonNode components, List<DeploymentViolation> violations) {
        for (JsonNode component : components) {
            String id = component.hasNonNull("id") ? component.get("id").asText() : component.path("key").asText(null);
            if ("iframe".equals(component.path("type").asText())) {
                violations.add(new DeploymentViolation(resource, id, IFRAME));
            }
            if (!shownOnly(component) && (engineOwned(component.path("key")) || engineOwned(component.path("path")))) {
                violations.add(new DeploymentViolation(resource, id, ENGINE_OWNED));
            }
            components(resource, component.path("components"), violations);
        }
    }

    /** form-js keys and paths may be dotted ({@code a.b} binds variable {@code a}): the first part is submitted. */
    private static boolean engineOwned(JsonNode binding) {
        if (!binding.isTextual()) {
            return false;
        }
        String variable = binding.asText().split("\\.", 2)[0].trim();
        return EngineOwnedVariables.NAMES.contains(variable);
    }

    /** Literal {@code true} only: a FEEL condition ("=...") may make the field editable. */
    private static boolean shownOnly(JsonNode component) {
        return component.path("readonly").isBoolean() && component.get("readonly").asBoolean()
                || component.path("disabled").isBoolean() && component.get("disabled").asBoolean();
    }
}
