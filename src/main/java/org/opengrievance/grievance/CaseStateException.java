package org.opengrievance.grievance;

/** The request does not fit where the case stands (for example: withdrawing a closed case). */
public class CaseStateException extends RuntimeException {

    private final String rule;

    public CaseStateException(String message) {
        this(message, null);
    }

    /** @param rule the requirement that forbids it, e.g. "MA-4 (42 CFR 422.564(e)(2))" */
    public CaseStateException(String message, String rule) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
