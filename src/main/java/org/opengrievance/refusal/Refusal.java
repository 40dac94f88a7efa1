package org.opengrievance.refusal;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A refusal by the rules: a field that is wrong (400) or a request the case's state or a rule forbids (409).
 * Its message is one plain sentence for the person (what to change), never a value, a class or an id.
 *
 * <p>Thrown from listeners and delegates, it reaches engine-rest and Tasklist wrapped by the engine; so that
 * the person still gets this sentence and this status (not a 500 naming the engine's internals), every
 * refusal records itself on the current HTTP request when there is one ({@link Refusals}), and the
 * engine-rest response filter answers with it.
 */
public class Refusal extends ProcessEngineException {

    public static final int BAD_FIELD = 400;
    public static final int CONFLICT = 409;

    private final int status;
    private final String field;
    private final String rule;

    protected Refusal(int status, String field, String rule, String sentence) {
        super(sentence);
        this.status = status;
        this.field = field;
        this.rule = rule;
        Refusals.record(this);
    }

    /** The field {@code field} must change: {@code sentence} says how. */
    public static Refusal badField(String field, String sentence) {
        return new Refusal(BAD_FIELD, field, null, sentence);
    }

    /** The rule {@code rule} (a citation, or null) forbids this in the case's present state. */
    public static Refusal conflict(String rule, String sentence) {
        return new Refusal(CONFLICT, null, rule, sentence);
    }

    public int status() {
        return status;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }

    /** The rule that refused, or null. */
    public String rule() {
        return rule;
    }
}
