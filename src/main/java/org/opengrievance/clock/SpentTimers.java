package org.opengrievance.clock;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Whether the reminder and the escalation already fired for the instant they carry now. A recompute re-arms
 * every timer of {@code clockRunning} (so a moved deadline gets its reminder again); the models' gates after
 * {@code reminderTimer} and {@code escalationTimer} read these flags so that each acts once per instant.
 * A timer that fired at or after its current instant counts as fired for it (its history, level full).
 */
@Component
class SpentTimers {

    private final HistoryService history;

    SpentTimers(HistoryService history) {
        this.history = history;
    }

    /** After startClock / recomputeClock have set the instants. */
    void publish(DelegateExecution execution) {
        execution.setVariable(ClockProcess.REMINDER_SPENT,
                firedFor(execution, ClockProcess.REMINDER_TIMER, ClockProcess.REMINDER_AT));
        execution.setVariable(ClockProcess.ESCALATION_SPENT,
                firedFor(execution, ClockProcess.ESCALATION_TIMER, ClockProcess.ESCALATION_AT));
    }

    private boolean firedFor(DelegateExecution execution, String timerId, String instantVariable) {
        Object iso = execution.getVariable(instantVariable);
        if (iso == null) {
            return false;
        }
        Instant instant = OffsetDateTime.parse((String) iso).toInstant();
        return history.createHistoricActivityInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .activityId(timerId).list().stream()
                .anyMatch(fired -> !fired.getStartTime().toInstant().isBefore(instant));
    }
}
