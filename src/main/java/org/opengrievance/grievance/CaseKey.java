package org.opengrievance.grievance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The case a step works on: its process instance's business key, which {@code registerCase} sets and every
 * call activity passes on. Never a variable: a person completing a task may submit any variable, but cannot
 * change the business key.
 */
public final class CaseKey {

    private CaseKey() {
    }

    public static String of(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        if (key == null || key.isBlank()) {
            // a model error (a call activity without businessKey), not a person's
            throw new IllegalStateException("process instance " + execution.getProcessInstanceId()
                    + " has no business key");
        }
        return key;
    }

    public static String of(DelegateTask task) {
        if (task.getExecution() == null) {
            throw new IllegalStateException("task " + task.getId() + " belongs to no process");
        }
        return of(task.getExecution());
    }

    /** The case of a task, or null for a task outside any case (a standalone task, a process before registration). */
    public static String ofOrNull(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String key = execution == null ? null : execution.getProcessBusinessKey();
        return key == null || key.isBlank() ? null : key;
    }
}
