package org.opengrievance.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields a Camunda Form lets a person write, read from the deployed form itself, so that a field a
 * director adds in Modeler is accepted without a change of Java. Layout components (text, groups, spacers,
 * images) write nothing; {@code expression} fields compute their value and are not a person's input.
 */
final class FormContract {

    /** form-js component types that carry a person's input under their {@code key}. */
    static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "datetime", "checkbox", "radio",
            "select", "checklist", "taglist");

    private final Map<String, FormField> fields;

    private FormContract(Map<String, FormField> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    static FormContract of(JsonNode schema) {
        Map<String, FormField> fields = new LinkedHashMap<>();
        collect(schema.path("components"), fields);
        return new FormContract(fields);
    }

    Map<String, FormField> fields() {
        return fields;
    }

    private static void collect(JsonNode components, Map<String, FormField> into) {
        for (JsonNode c : components) {
            String type = c.path("type").asText("");
            if (INPUT_TYPES.contains(type) && c.hasNonNull("key")) {
                FormField f = field(c, type);
                into.put(f.key(), f);
            }
            if (c.has("components") && !type.equals("dynamiclist")) {
                collect(c.path("components"), into);
            }
        }
    }

    private static FormField field(JsonNode c, String type) {
        JsonNode validate = c.path("validate");
        Set<String> options = null;
        if (c.path("values").isArray() && !c.has("valuesKey") && !c.has("valuesExpression")) {
            options = new LinkedHashSet<>();
            for (JsonNode o : c.path("values")) {
                options.add(o.path("value").asText());
            }
        }
        boolean conditional = c.path("conditional").hasNonNull("hide");
        boolean readonly = c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false);
        return new FormField(c.path("key").asText(), type, validate.path("required").asBoolean(false), readonly,
                conditional, options, validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
                validate.hasNonNull("pattern") ? validate.path("pattern").asText() : null,
                validate.path("min").isNumber() ? validate.path("min").numberValue() : null,
                validate.path("max").isNumber() ? validate.path("max").numberValue() : null);
    }
}
