package org.opengrievance.readiness;

import java.util.Comparator;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.opengrievance.clock.ClockProcess;
import org.springframework.stereotype.Component;

/**
 * What the director decided in a "Deadline missed" review, and for which clock: the form's note
 * ({@value #NOTE}) is free text of a person, which our trail (case_event) deliberately does not copy, so it is
 * read from the engine's history (kept as long as the case, camunda:historyTimeToLive) through its public API.
 */
@Component
class ReviewNotes {

    static final String NOTE = "directorReviewNote";

    /** The clock's regime and the note, either null when the engine no longer has them. */
    record Note(String regime, String decision) {
    }

    private final HistoryService history;

    ReviewNotes(HistoryService history) {
        this.history = history;
    }

    Note of(String taskId) {
        if (taskId == null) {
            return new Note(null, null);
        }
        HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        if (task == null) {
            return new Note(null, null);
        }
        HistoricVariableInstance regime = history.createHistoricVariableInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).variableName(ClockProcess.REGIME).singleResult();
        return new Note(regime == null || regime.getValue() == null ? null : regime.getValue().toString(),
                submitted(task).orElse(null));
    }

    /** The note as the form submitted it; else the note's last update in the clock's instance (REST complete). */
    private Optional<String> submitted(HistoricTaskInstance task) {
        Optional<String> field = history.createHistoricDetailQuery().taskId(task.getId()).formFields().list().stream()
                .filter(d -> d instanceof HistoricFormField f && NOTE.equals(f.getFieldId()))
                .map(d -> text(((HistoricFormField) d).getFieldValue())).filter(s -> s != null).findFirst();
        if (field.isPresent()) {
            return field;
        }
        return history.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).variableUpdates()
                .disableBinaryFetching().disableCustomObjectDeserialization().list().stream()
                .filter(d -> d instanceof HistoricVariableUpdate v && NOTE.equals(v.getVariableName()))
                .filter(d -> task.getEndTime() == null || !d.getTime().after(task.getEndTime()))
                .max(Comparator.comparing(HistoricDetail::getTime))
                .map(d -> text(((HistoricVariableUpdate) d).getValue()));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
