package org.opengrievance.gate;

import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.opengrievance.text.PrintableText;

/**
 * Checks the {@code variables} of a form submission (engine-rest's {@code {"name": {"value", "type",
 * "valueInfo"}}}) against the form's contract and returns what may reach the engine: declared fields only,
 * with the form's types, options, required flags and limits and the server's own; read-only fields only
 * when unchanged (they are then left out, not written again); never a variable the engine owns; never a
 * typed value (Json, Bytes, Object, File) from a person.
 */
final class FormSubmission {

    /** The engine's text columns hold 4000 characters; a longer text would fail in the database. */
    static final int MAX_TEXT = 4000;

    private static final Set<String> PLAIN_TYPES = Set.of("String", "Boolean", "Integer", "Long", "Short", "Double",
            "Null");

    private final FormContract contract;
    private final Set<String> engineOwned;
    private final Set<String> caseRecordOnly;
    private final DateBounds dates;

    private final Map<String, Object> held = new java.util.LinkedHashMap<>();

    /**
     * @param caseRecordOnly fields the form collects for the case record only: they are left out of what
     *                       reaches the engine (a form submission records every field it carries in the
     *                       engine's history) and kept aside, see {@link #held()}
     */
    FormSubmission(FormContract contract, Set<String> engineOwned, Set<String> caseRecordOnly, DateBounds dates) {
        this.contract = contract;
        this.engineOwned = engineOwned;
        this.caseRecordOnly = caseRecordOnly;
        this.dates = dates;
    }

    /**
     * @param variables the submitted variables (may be null: nothing submitted)
     * @param current   the value a read-only field shows now (the task's variable), by name
     */
    ObjectNode check(JsonNode variables, Function<String, Object> current) throws SubmissionRefused {
        ObjectNode accepted = JsonNodeFactory.instance.objectNode();
        if (variables != null && !variables.isNull()) {
            if (!variables.isObject()) {
                throw SubmissionRefused.field("variables", "The form's values must be sent as an object.");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = checkOne(e.getKey(), e.getValue(), current);
                if (value != null) {
                    accepted.set(e.getKey(), value);
                }
            }
        }
        for (FormField f : contract.fields().values()) {
            if (f.required() && !f.readonly() && !f.shownIf() && isEmpty(accepted.path(f.key()).path("value"))) {
                throw SubmissionRefused.field(f.key(), "The field " + f.key() + " is required.");
            }
        }
        return accepted;
    }

    /** The entry to pass on, or null to leave it out. */
    private JsonNode checkOne(String key, JsonNode entry, Function<String, Object> current) throws SubmissionRefused {
        FormField field = contract.fields().get(key);
        if (field == null) {
            throw SubmissionRefused.field(key, "The field " + key + " is not part of this form.");
        }
        if (!entry.isObject()) {
            throw SubmissionRefused.field(key, "The field " + key + " must be sent as {\"value\": …}.");
        }
        for (Iterator<String> names = entry.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("value") && !name.equals("type") && !(name.equals("valueInfo") && isEmpty(entry.get(name)))) {
                throw SubmissionRefused.field(key, "The field " + key + " must be a plain value (text, number, yes or no, date).");
            }
        }
        JsonNode type = entry.get("type");
        if (type != null && !type.isNull() && !PLAIN_TYPES.contains(type.asText())) {
            throw SubmissionRefused.field(key, "The field " + key + " must be a plain value (text, number, yes or no, date).");
        }
        JsonNode value = entry.path("value");
        if (field.readonly()) {
            if (sameValue(value, current.apply(key))) {
                return null;
            }
            throw SubmissionRefused.field(key, "The field " + key + " is shown for information and cannot be changed.");
        }
        if (engineOwned.contains(key)) {
            throw SubmissionRefused.field(key, "The field " + key + " is kept by the engine and cannot be written.");
        }
        checkValue(field, value);
        if (caseRecordOnly.contains(key)) {
            if (!isEmpty(value)) {
                held.put(key, value.isBoolean() ? value.booleanValue() : value.isNumber() ? value.numberValue()
                        : value.asText());
            }
            return null;
        }
        ObjectNode plain = JsonNodeFactory.instance.objectNode();
        plain.set("value", value.isMissingNode() ? JsonNodeFactory.instance.nullNode() : value);
        if (type != null && !type.isNull()) {
            plain.set("type", type);
        }
        return plain;
    }

    private void checkValue(FormField f, JsonNode value) throws SubmissionRefused {
        String key = f.key();
        if (isEmpty(value)) {
            return;
        }
        switch (f.type()) {
            case "textfield", "textarea" -> {
                String text = textOf(f, value, "text");
                int limit = f.maxLength() == null ? MAX_TEXT : Math.min(f.maxLength(), MAX_TEXT);
                if (text.length() > limit) {
                    throw SubmissionRefused.field(key, "The field " + key + " is longer than " + limit + " characters.");
                }
                if (!PrintableText.isPrintable(text)) {
                    throw SubmissionRefused.field(key, "The field " + key + " " + PrintableText.RULE + ".");
                }
                if (f.pattern() != null && !matches(f.pattern(), text)) {
                    throw SubmissionRefused.field(key, "The field " + key + " does not have the format the form asks for.");
                }
            }
            case "select", "radio" -> {
                String choice = textOf(f, value, "one of the form's options");
                if (f.options() != null && !f.options().contains(choice)) {
                    throw SubmissionRefused.field(key, "The field " + key + " must be one of the form's options.");
                }
            }
            case "checkbox" -> {
                if (!value.isBoolean()) {
                    throw SubmissionRefused.field(key, "The field " + key + " must be yes or no (true or false).");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    throw SubmissionRefused.field(key, "The field " + key + " must be a number.");
                }
                double n = value.doubleValue();
                if ((f.min() != null && n < f.min().doubleValue()) || (f.max() != null && n > f.max().doubleValue())) {
                    throw SubmissionRefused.field(key, "The field " + key + " is outside the form's range.");
                }
            }
            case "datetime" -> {
                String problem = dates.problem(textOf(f, value, "a date and time"));
                if (problem != null) {
                    throw SubmissionRefused.field(key, "The field " + key + " " + problem + ".");
                }
            }
            default -> throw SubmissionRefused.field(key, "The field " + key
                    + " is a list, which this engine does not take from a form (a list is stored as a Json value).");
        }
    }

    private static String textOf(FormField f, JsonNode value, String what) throws SubmissionRefused {
        if (!value.isTextual()) {
            throw SubmissionRefused.field(f.key(), "The field " + f.key() + " must be " + what + ".");
        }
        return value.asText();
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            return true; // a JavaScript-only pattern: the browser checked it, the listeners check what matters
        }
    }

    /** The case-record-only values taken out of the last checked submission. */
    Map<String, Object> held() {
        return held;
    }

    static boolean isEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || (value.isTextual() && value.asText().isEmpty())
                || (value.isContainerNode() && value.isEmpty());
    }

    private static boolean sameValue(JsonNode submitted, Object current) {
        if (isEmpty(submitted)) {
            return current == null || "".equals(current);
        }
        if (current == null) {
            return false;
        }
        if (submitted.isBoolean() || submitted.isNumber()) {
            return Objects.equals(submitted.asText(), String.valueOf(current));
        }
        return submitted.isTextual() && submitted.asText().equals(String.valueOf(current));
    }
}
