package org.opengrievance.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Deadline arithmetic for the hospital Conditions of Participation regime (CMS-HOSP-6, CMS-HOSP-9).
 * Plain Java with no engine inside, so the full clock service of every regime can grow from here.
 *
 * <p>Counting rule (regulatory-requirements section 4): calendar days, day 0 is the receipt date in the
 * facility's zone, the deadline closes at the end of the due date in that zone, no weekend or holiday
 * rollover. Hour clocks run on the instant timeline.
 */
public final class HospitalClock {

    /** End of a calendar day, at the millisecond precision the engine stores. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_000_000);

    private HospitalClock() {
    }

    /** The written-response deadline: receipt date + {@code days}, 23:59:59.999 in {@code zone}. */
    public static Instant responseDueAt(Instant receivedAt, ZoneId zone, int days) {
        LocalDate receiptDate = receivedAt.atZone(zone).toLocalDate();
        return endOfDay(receiptDate.plusDays(days), zone);
    }

    /** Abuse and neglect allegations are reviewed immediately: a fixed number of real hours. */
    public static Instant immediateReviewDueAt(Instant from, int hours) {
        return from.plus(Duration.ofHours(hours));
    }

    static Instant endOfDay(LocalDate date, ZoneId zone) {
        return date.atTime(END_OF_DAY).atZone(zone).toInstant();
    }
}
