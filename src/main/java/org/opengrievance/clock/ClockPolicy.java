package org.opengrievance.clock;

import org.opengrievance.regime.Regime;

/**
 * One row of the decision table {@code DeadlinePolicy} (processes/deadline-policy.dmn): the length of a
 * clock and its options. {@code source} names the decision definition version that produced it.
 */
public record ClockPolicy(
        Regime regime,
        ClockKind kind,
        Unit unit,
        int length,
        int extensionLimitDays,
        int reminderBeforeHours,
        int escalationBeforeHours,
        int interimNoticeBeforeHours,
        int extensionNoticeDays,
        String citation,
        String source) {

    public enum Unit { DAYS, HOURS }
}
