package org.opengrievance.cluster;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Completes a case's user task over engine-rest the way Tasklist does: the gate accepts exactly the task
 * form's fields, so the read-only fields go back with the values the form shows, plus the person's input.
 */
final class TaskForms {

    private TaskForms() {
    }

    /** The completion's answer, or null when the case has no open task of that definition. */
    static Http.Answer complete(Http http, Node node, Http.User user, String caseNumber, String taskKey,
            Map<String, Object> input) throws IOException {
        String engine = node.base() + "/engine-rest";
        Http.Answer list = http.get(engine + "/task?processInstanceBusinessKey="
                + URLEncoder.encode(caseNumber, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taskKey, user);
        if (list.status() != 200) {
            throw new AssertionError("task query for " + caseNumber + " on " + node.name + ": " + list);
        }
        if (list.json().isEmpty()) {
            return null;
        }
        String id = list.json().get(0).path("id").asText();
        JsonNode form = http.get(engine + "/task/" + id + "/deployed-form", user).json();
        JsonNode shown = http.get(engine + "/task/" + id + "/form-variables", user).json();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String key : readonlyKeys(form.path("components"), new HashSet<>())) {
            JsonNode v = shown.path(key).path("value");
            if (!v.isMissingNode() && !v.isNull()) {
                variables.put(key, Map.of("value", v.isBoolean() ? v.asBoolean() : v.asText()));
            }
        }
        input.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return http.post(engine + "/task/" + id + "/complete", user, Http.write(Map.of("variables", variables)), Map.of());
    }

    private static Set<String> readonlyKeys(JsonNode components, Set<String> into) {
        for (JsonNode c : components) {
            if (c.path("readonly").asBoolean(false) && c.hasNonNull("key")) {
                into.add(c.path("key").asText());
            }
            readonlyKeys(c.path("components"), into);
        }
        return into;
    }
}
