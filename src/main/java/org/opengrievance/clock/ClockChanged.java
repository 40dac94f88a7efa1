package org.opengrievance.clock;

/**
 * A clock row of the case was opened or changed (extended, expedited, interim notice, breach, stop): published
 * synchronously, in the transaction of the change, for whoever keeps facts derived from the clocks.
 */
public record ClockChanged(String caseNumber) {
}
