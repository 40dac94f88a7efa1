package org.opengrievance.handoff;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.opengrievance.clock.ClockService;

/**
 * How long the appeals team has for a coverage request or an appeal (decision table {@code HandOffDeadline}),
 * counted from the original receipt like every other clock (E5): days end at the end of the day in the plan's zone,
 * hours run on the instant timeline.
 */
record HandOffPolicy(String unit, int length, String citation) {

    Instant dueAt(Instant receivedAt, ZoneId zone) {
        return "HOURS".equals(unit)
                ? receivedAt.plus(Duration.ofHours(length))
                : ClockService.endOfDay(receivedAt.atZone(zone).toLocalDate().plusDays(length), zone);
    }
}
