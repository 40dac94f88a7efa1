package org.opengrievance.intake;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Intake data that the engine refuses. Thrown inside the process start, it rolls the whole transaction
 * back (case row and process instance), and Tasklist shows the message to the person on the start form.
 */
public class IntakeRejectedException extends ProcessEngineException {

    private final String field;

    public IntakeRejectedException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
