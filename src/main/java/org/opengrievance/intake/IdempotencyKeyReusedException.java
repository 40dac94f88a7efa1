package org.opengrievance.intake;

/** The client sent an Idempotency-Key it used in the last 24 hours with another body (answered 422). */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was used in the last 24 hours for a different complaint: use a new key.",
                null, false, false);
    }
}
