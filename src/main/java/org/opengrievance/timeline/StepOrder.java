package org.opengrievance.timeline;

import java.util.Comparator;
import java.util.List;

/**
 * The order of the timeline: by instant; events of the same instant (one transaction writes several) in the
 * order the steps of a transaction write them, as listed here; then by their row's id.
 */
final class StepOrder {

    static final List<String> KINDS = List.of(
            "RECEIVED", "INTAKE", "CLOCK_OPENED",
            "CLASSIFICATION_SUGGESTED", "CLASSIFICATION_CONFIRMED", "CLASSIFICATION_OVERRIDDEN",
            "TASK_ASSIGNED", "TASK_CLAIMED", "TASK_UNCLAIMED",
            "TASK_COMPLETED", "FINDINGS_RECORDED", "CODED", "RESPONSE_DRAFTED", "RESPONSE_APPROVED",
            "RESPONSE_RETURNED", "LINKED_TO", "LINKED_FROM", "CONFIRMED_NEW", "ATTACHED_TO_CASE", "CONTACT_ATTACHED",
            "WITHDRAWN",
            "LETTER_APPROVED", "LETTER_SENT", "ACKNOWLEDGED", "ORAL_NOTIFICATION",
            "DEPARTMENT_ASSIGNED",
            "CLOCK_EXPEDITED", "CLOCK_EXTENDED", "CLOCK_INTERIM_SENT", "CLOCK_TIMERS_SET", "CLOCK_REMINDER",
            "ESCALATED", "CLOCK_BREACHED", "CLOCK_STOPPED",
            "CLOSED", "READ");

    static final Comparator<Step> ORDER = Comparator.comparing(Step::at)
            .thenComparingInt(s -> rank(s.kind()))
            .thenComparing(Step::kind)
            .thenComparingLong(Step::id);

    private StepOrder() {
    }

    /** A kind not listed (a clock event kind added later) sorts with the clock events, anything else last. */
    static int rank(String kind) {
        int i = KINDS.indexOf(kind);
        if (i >= 0) {
            return i;
        }
        return kind.startsWith("CLOCK_") ? KINDS.indexOf("CLOCK_STOPPED") : KINDS.size();
    }
}
