package org.opengrievance.intake;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.opengrievance.letter.LetterLanguages;

/**
 * The intake variables as the process holds them, checked the same way for the start form and the API.
 * Booleans that were not given are false; the classification decision needs every input set.
 */
record IntakeData(Channel channel, String patientName, String complaintText, ServiceArea serviceArea,
        String preferredLanguage, Subject subject, RequestedAction requestedAction) {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 4000;
    // the flags the models decide on; the case-record-only flags (IntakeVariables) are never set as variables
    static final String[] FLAGS = {"resolvedAtPointOfCare", "responseRequested", "abuseOrNeglect",
        "patientHarmOrCopIssue", "medicare489Billing", "patientIdentified"};

    static IntakeData from(VariableScope vars) {
        for (String flag : FLAGS) {
            if (!(vars.getVariable(flag) instanceof Boolean)) {
                vars.setVariable(flag, Boolean.parseBoolean(String.valueOf(vars.getVariable(flag))));
            }
        }
        String language = vars.getVariable("preferredLanguage") == null
                ? "en" : String.valueOf(vars.getVariable("preferredLanguage"));
        // any language: one without letter templates gets the English letter with the taglines (letter package)
        if (!LetterLanguages.valid(language)) {
            throw new IntakeRejectedException("preferredLanguage", "must be an ISO 639 language code such as en, es or vi");
        }
        vars.setVariable("preferredLanguage", language);
        // not given: a complaint about something other than billing (the classification table needs a value)
        Subject subject = optionalEnum(Subject.class, "subject", vars.getVariable("subject"), Subject.OTHER);
        RequestedAction action = optionalEnum(RequestedAction.class, "requestedAction",
                vars.getVariable("requestedAction"), RequestedAction.COMPLAINT);
        vars.setVariable("subject", subject.name());
        vars.setVariable("requestedAction", action.name());
        return new IntakeData(
                enumValue(Channel.class, "channel", vars.getVariable("channel")),
                text("patientName", vars.getVariable("patientName"), MAX_NAME),
                text("complaintText", vars.getVariable("complaintText"), MAX_TEXT),
                enumValue(ServiceArea.class, "serviceArea", vars.getVariable("serviceArea")),
                language, subject, action);
    }

    private static <E extends Enum<E>> E optionalEnum(Class<E> type, String field, Object value, E otherwise) {
        return value == null || String.valueOf(value).isBlank() ? otherwise : enumValue(type, field, value);
    }

    private static String text(String field, Object value, int max) {
        if (value == null || String.valueOf(value).isBlank()) {
            throw new IntakeRejectedException(field, "is required");
        }
        String text = String.valueOf(value);
        if (text.length() > max) {
            throw new IntakeRejectedException(field, "must be at most " + max + " characters");
        }
        requirePrintable(field, text);
        return text;
    }

    /** No control characters but tab and line breaks: every later form completion checks the same (TaskInputLimits). */
    static void requirePrintable(String field, String text) {
        if (!org.opengrievance.text.PrintableText.isPrintable(text)) {
            throw new IntakeRejectedException(field, org.opengrievance.text.PrintableText.RULE);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, Object value) {
        if (value == null) {
            throw new IntakeRejectedException(field, "is required");
        }
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new IntakeRejectedException(field, "is not one of the known values");
        }
    }
}
