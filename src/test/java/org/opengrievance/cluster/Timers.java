package org.opengrievance.cluster;

import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The hospital clock's timers (hospital-clock.bpmn) and what each leaves when it fires: the reminder and the
 * breach a clock_event row (REMINDER, BREACHED, see CaseClocks), the interim notice and the escalation a
 * user task (sendInterimNotice, reviewNearDeadline). A 7-day hospital clock is due at the end of the receipt
 * date + 7 in the facility's zone; reminder 72 h, interim notice 48 h, escalation 24 h before
 * (deadline-policy.dmn). The scenarios run the facility on a fixed-offset zone where it is 12:00 to 13:00 at
 * the start, so every timer instant is at least 11 hours from now and which ones are due follows from the
 * receipt's days back alone:
 * <ul>
 * <li>5 days: the reminder (end of yesterday); nothing else</li>
 * <li>7 days: reminder, interim notice and escalation; not the breach (end of today)</li>
 * <li>9 days: the breach (end of the day before yesterday). It interrupts the wait, so whether the three
 * earlier timers fired first is up to the job executors: they may fire, at most once each.</li>
 * </ul>
 */
final class Timers {

    enum Kind {
        REMINDER, INTERIM_NOTICE, ESCALATION, BREACH
    }

    private Timers() {
    }

    static Set<Kind> due(int daysBack) {
        return switch (daysBack) {
            case 5 -> EnumSet.of(Kind.REMINDER);
            case 7 -> EnumSet.of(Kind.REMINDER, Kind.INTERIM_NOTICE, Kind.ESCALATION);
            case 9 -> EnumSet.of(Kind.BREACH);
            default -> throw new IllegalArgumentException("no expectation for " + daysBack + " days back");
        };
    }

    static Set<Kind> notDue(int daysBack) {
        return switch (daysBack) {
            case 5 -> EnumSet.of(Kind.INTERIM_NOTICE, Kind.ESCALATION, Kind.BREACH);
            case 7 -> EnumSet.of(Kind.BREACH);
            case 9 -> EnumSet.noneOf(Kind.class);
            default -> throw new IllegalArgumentException("no expectation for " + daysBack + " days back");
        };
    }

    /**
     * due: timers that must have fired; once / notFired / twice among all timers; early: fired though not
     * due; alsoFired: the optional ones of a breached clock that fired before the breach.
     */
    record Tally(int due, int once, int notFired, int twice, int early, int alsoFired) {
        String line() {
            return "due " + due + " / fired exactly once " + once + " / not fired " + notFired + " / fired twice "
                    + twice + " / fired though not due " + early + " / fired before a breach " + alsoFired;
        }
    }

    static Tally tally(ClusterDb db, Map<String, Integer> daysBackByCase) throws SQLException {
        Set<String> cases = daysBackByCase.keySet();
        Map<Kind, Map<String, Integer>> fired = Map.of(
                Kind.REMINDER, db.clockEvents(cases, "REMINDER"),
                Kind.BREACH, db.clockEvents(cases, "BREACHED"),
                Kind.INTERIM_NOTICE, db.tasksEver(cases, "sendInterimNotice"),
                Kind.ESCALATION, db.tasksEver(cases, "reviewNearDeadline"));
        int due = 0, once = 0, notFired = 0, twice = 0, early = 0, also = 0;
        for (Map.Entry<String, Integer> c : daysBackByCase.entrySet()) {
            Set<Kind> mustFire = due(c.getValue());
            Set<Kind> mustNot = notDue(c.getValue());
            for (Kind kind : Kind.values()) {
                int n = fired.get(kind).getOrDefault(c.getKey(), 0);
                if (n > 1) {
                    twice++;
                }
                if (mustFire.contains(kind)) {
                    due++;
                    if (n == 1) {
                        once++;
                    } else if (n == 0) {
                        notFired++;
                    }
                } else if (mustNot.contains(kind)) {
                    early += n > 0 ? 1 : 0;
                } else {
                    also += n > 0 ? 1 : 0;
                }
            }
        }
        return new Tally(due, once, notFired, twice, early, also);
    }
}
