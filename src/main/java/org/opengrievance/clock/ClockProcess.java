package org.opengrievance.clock;

/**
 * Ids, messages and variables of processes/hospital-clock.bpmn and plan-clock.bpmn that Java refers to, and the
 * one variable the clock code sets on the grievance process. The only place clock code names them. A clock
 * process carries its case as the business key and no patient data: its forms show the case number.
 */
public final class ClockProcess {

    public static final String HOSPITAL_KEY = "hospitalClock";
    public static final String PLAN_KEY = "planClock";

    // activities
    /** the escalation: the director reviews a case whose deadline is near */
    public static final String REVIEW_NEAR_DEADLINE = "reviewNearDeadline";
    public static final String REMINDER_TIMER = "reminderTimer";
    public static final String ESCALATION_TIMER = "escalationTimer";

    // messages
    /** ends every clock of the case ({@code clockRunning} → terminate) */
    public static final String STOP_MESSAGE = "ClockStop";
    /** the clock's deadline moved: {@code deadlineChanged} → {@code recomputeClock} re-arms the timers */
    public static final String RECOMPUTE_MESSAGE = "ClockRecompute";

    /** Passed in by the grievance's {@code runDeadlineClocks}. */
    public static final String REGIME = "regime";

    // set by startClock / recomputeClock / recordBreach
    public static final String REMINDER_AT = "reminderAt";
    public static final String ESCALATION_AT = "escalationAt";
    public static final String BINDING_DUE_AT = "bindingDueAt";
    public static final String BINDING_DUE_DISPLAY = "bindingDueDisplay";
    public static final String INTERIM_NOTICE_AT = "interimNoticeAt";
    public static final String INTERIM_NOTICE_DUE_AT = "interimNoticeDueAt";
    public static final String FOLLOW_UP_DUE_DISPLAY = "followUpDueDisplay";
    public static final String EXTENSION_NOTICE_DUE_AT = "extensionNoticeDueAt";
    public static final String EXTENSION_REASON = "extensionReason";
    public static final String LATE = "late";
    public static final String LATE_AT_DISPLAY = "lateAtDisplay";
    public static final String LATE_REVIEW_DUE_AT = "lateReviewDueAt";
    public static final String RESPONSE_DUE_DISPLAY = "responseDueDisplay";
    // set by startClock / recomputeClock (SpentTimers): the reminder / escalation already fired for its instant
    public static final String REMINDER_SPENT = "reminderSpent";
    public static final String ESCALATION_SPENT = "escalationSpent";

    /**
     * Set on the grievance process (not a clock process) when an expedite arrives through the API: Tasklist's
     * "Expedited" filter reads it. Intake sets it at registration.
     */
    public static final String GRIEVANCE_EXPEDITED = "expedited";

    private ClockProcess() {
    }
}
