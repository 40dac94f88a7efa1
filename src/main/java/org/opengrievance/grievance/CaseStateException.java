package org.opengrievance.grievance;

/** The request does not fit where the case stands (for example: withdrawing a closed case). */
public class CaseStateException extends RuntimeException {

    public CaseStateException(String message) {
        super(message);
    }
}
