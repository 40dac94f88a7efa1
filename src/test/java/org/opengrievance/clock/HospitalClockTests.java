package org.opengrievance.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** CMS-HOSP-6 counting: calendar days, day 0 = receipt date in the facility zone, end of the due date. */
class HospitalClockTests {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    static Instant at(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), CHICAGO).toInstant();
    }

    static Instant due(String receivedLocal) {
        return HospitalClock.responseDueAt(at(receivedLocal), CHICAGO, 7);
    }

    @Test
    void writtenResponseIsDueSevenCalendarDaysAfterReceiptAtEndOfDay() {
        assertThat(due("2026-12-04T16:30")).isEqualTo(OffsetDateTime.parse("2026-12-11T23:59:59.999-06:00").toInstant());
    }

    @Test
    void receiptOneMinuteBeforeMidnightCountsThatDayAsDayZero() {
        assertThat(due("2026-12-04T23:59")).isEqualTo(OffsetDateTime.parse("2026-12-11T23:59:59.999-06:00").toInstant());
    }

    @Test
    void receiptAtMidnightCountsTheNewDayAsDayZero() {
        assertThat(due("2026-12-05T00:00")).isEqualTo(OffsetDateTime.parse("2026-12-12T23:59:59.999-06:00").toInstant());
    }

    @Test
    void weekendReceiptHasNoRollover() {
        // E1: received Saturday 2026-03-14, due Saturday 2026-03-21
        assertThat(due("2026-03-14T10:00")).isEqualTo(OffsetDateTime.parse("2026-03-21T23:59:59.999-05:00").toInstant());
        // received on a Sunday, due on a Sunday
        assertThat(due("2026-12-06T09:00")).isEqualTo(OffsetDateTime.parse("2026-12-13T23:59:59.999-06:00").toInstant());
    }

    @Test
    void deadlineAcrossSpringForwardEndsAtLocalMidnightInDaylightTime() {
        assertThat(due("2026-03-05T12:00")).isEqualTo(OffsetDateTime.parse("2026-03-12T23:59:59.999-05:00").toInstant());
    }

    @Test
    void deadlineAcrossFallBackEndsAtLocalMidnightInStandardTime() {
        assertThat(due("2026-10-29T12:00")).isEqualTo(OffsetDateTime.parse("2026-11-05T23:59:59.999-06:00").toInstant());
    }

    @Test
    void receiptDateIsTheFacilitysDateNotTheSendersDate() {
        // E10: sent 2026-12-04 23:30 in Los Angeles = 2026-12-05 01:30 in Chicago: day 0 is 12-05
        Instant sent = ZonedDateTime.of(java.time.LocalDateTime.parse("2026-12-04T23:30"),
                ZoneId.of("America/Los_Angeles")).toInstant();
        assertThat(HospitalClock.responseDueAt(sent, CHICAGO, 7))
                .isEqualTo(OffsetDateTime.parse("2026-12-12T23:59:59.999-06:00").toInstant());
    }

    @Test
    void immediateReviewRunsOnTheInstantTimelineAcrossDst() {
        // 2026-03-08 01:30 CST + 4 real hours = 06:30 CDT (the clock skips 02:00-03:00)
        assertThat(HospitalClock.immediateReviewDueAt(at("2026-03-08T01:30"), 4))
                .isEqualTo(OffsetDateTime.parse("2026-03-08T06:30-05:00").toInstant());
    }
}
