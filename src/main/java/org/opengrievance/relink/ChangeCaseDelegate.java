package org.opengrievance.relink;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Service task {@code changeCase} of processes/case-change.bpmn: the start form's choice, carried out by
 * {@link CaseChanges} in the start's transaction (a refusal undoes the start, and Tasklist shows its sentence).
 * The fields are checked here under the form's own names; the rules of the change are the service's.
 */
@Component("changeCase")
class ChangeCaseDelegate implements JavaDelegate {

    private final CaseChanges changes;
    private final FacilityProperties facility;

    ChangeCaseDelegate(CaseChanges changes, FacilityProperties facility) {
        this.changes = changes;
        this.facility = facility;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CaseChangeProcess.Kind kind = choice(execution, CaseChangeProcess.CHANGE_KIND, CaseChangeProcess.Kind.class);
        String caseNumber = required(execution, CaseChangeProcess.SOURCE_CASE_NUMBER);
        String reason = required(execution, CaseChangeProcess.CHANGE_REASON);
        CaseChange change;
        try {
            change = switch (kind) {
                case CONVERT -> changes.convert(caseNumber, askedAt(execution), reason);
                case RECLASSIFY -> changes.reclassify(caseNumber, track(execution), reason);
                case SPLIT -> changes.split(caseNumber, List.of(new SplitPart(track(execution),
                        text(execution, CaseChangeProcess.PART_TEXT))), reason);
            };
        } catch (CaseNotFoundException unknown) {
            throw Refusal.badField(CaseChangeProcess.SOURCE_CASE_NUMBER, "There is no case with this number.");
        }
        execution.setVariable(CaseChangeProcess.NEW_CASE_NUMBERS,
                String.join(",", change.newCases().stream().map(CaseChange.NewCase::caseNumber).toList()));
    }

    private static Track track(DelegateExecution execution) {
        return choice(execution, CaseChangeProcess.NEW_CLASSIFICATION, Track.class);
    }

    /** A datetime field: with an offset, or (as Tasklist sends it) without one, read in the facility's zone. */
    private OffsetDateTime askedAt(DelegateExecution execution) {
        String value = required(execution, CaseChangeProcess.PATIENT_ASKED_AT);
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException withoutOffset) {
            try {
                ZoneId zone = facility.zone();
                return LocalDateTime.parse(value).atZone(zone).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw Refusal.badField(CaseChangeProcess.PATIENT_ASKED_AT,
                        "The field " + CaseChangeProcess.PATIENT_ASKED_AT + " is not a date and time.");
            }
        }
    }

    private static <E extends Enum<E>> E choice(DelegateExecution execution, String field, Class<E> type) {
        String value = required(execution, field);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Refusal.badField(field, "The field " + field + " must be one of the form's options.");
        }
    }

    private static String required(DelegateExecution execution, String field) {
        String value = text(execution, field);
        if (value == null) {
            throw Refusal.badField(field, "The field " + field + " is required.");
        }
        return value;
    }

    private static String text(DelegateExecution execution, String field) {
        Object value = execution.getVariable(field);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
