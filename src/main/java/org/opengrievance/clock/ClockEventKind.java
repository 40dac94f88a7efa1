package org.opengrievance.clock;

/**
 * What a row of {@code clock_event} records; its name is what the table stores and the timeline reads
 * (docs/read-model.md).
 */
public enum ClockEventKind {
    /** the clock opened at registration, with the rule and the decision version */
    OPENED,
    /** a clock process put the clock's instants on its timers (start or recompute) */
    TIMERS_SET,
    EXTENDED,
    EXPEDITED,
    /** the reminder timer fired: the case's open tasks moved up */
    REMINDER,
    /** the hospital interim notice went out: its follow-up date binds (CMS-HOSP-7) */
    INTERIM_SENT,
    /** the binding deadline passed without a response */
    BREACHED,
    STOPPED
}
