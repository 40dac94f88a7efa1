package org.opengrievance.clock;

import org.opengrievance.grievance.CaseStateException;

/** A clock event the rules forbid (an extension too long or too late, an expedite without a trigger…). */
public class ClockRuleException extends CaseStateException {

    public ClockRuleException(String rule, String message) {
        super(message, rule);
    }
}
