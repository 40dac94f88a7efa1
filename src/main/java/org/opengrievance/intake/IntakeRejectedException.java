package org.opengrievance.intake;

import org.opengrievance.refusal.Refusal;

/**
 * Intake data that the engine refuses. Thrown inside the process start, it rolls the whole transaction
 * back (case row and process instance); as a {@link Refusal} it reaches the person on Tasklist's start form,
 * engine-rest and the API as a 400 naming the field.
 */
public class IntakeRejectedException extends Refusal {

    public IntakeRejectedException(String field, String problem) {
        // "field problem": the API lists the problem under the field (web.ProblemHandler)
        super(BAD_FIELD, field, null, field + " " + problem);
    }
}
