package org.opengrievance.trends;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/** One deadline clock of a case, for timeliness: its regime, binding deadline (month in the clock's zone), state. */
record TrendClock(TrendCase trendCase, String regime, ZoneId zone, Instant dueAt, boolean lateFlag, Instant stoppedAt,
        int extensionDays) {

    YearMonth month() {
        return YearMonth.from(dueAt.atZone(zone));
    }

    /** Late as the read model counts it: the breach fired, or the clock stopped after its binding deadline. */
    boolean late() {
        return lateFlag || (stoppedAt != null && stoppedAt.isAfter(dueAt));
    }
}
