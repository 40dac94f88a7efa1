package org.opengrievance.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opengrievance.regime.Regime;

/**
 * The clock service for every regime and every edge of regulatory-requirements sections 1, 3 and 4, with
 * the lengths read from processes/deadline-policy.dmn.
 */
class ClockServiceTests {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId DENVER = ZoneId.of("America/Denver");

    static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    static ClockState open(Regime regime, String received, ZoneId zone) {
        return ClockService.open(TablePolicies.policy(regime, ClockKind.STANDARD), "owner", zone,
                local(received, zone), null, 30, null);
    }

    static ClockState openExpedited(Regime regime, String received, ZoneId zone, ExpediteTrigger trigger) {
        return ClockService.open(TablePolicies.policy(regime, ClockKind.EXPEDITED), "owner", zone,
                local(received, zone), null, null, trigger);
    }

    @Nested
    class HospitalConditionsOfParticipation {

        @Test
        void writtenResponseIsDueSevenCalendarDaysAfterReceiptAtEndOfDay() {
            assertThat(open(Regime.HOSPITAL_COP, "2026-12-04T16:30", CHICAGO).bindingDueAt())
                    .isEqualTo(at("2026-12-11T23:59:59.999-06:00"));
        }

        @Test
        void receiptOneMinuteBeforeMidnightCountsThatDayAsDayZero() {
            assertThat(open(Regime.HOSPITAL_COP, "2026-12-04T23:59", CHICAGO).bindingDueAt())
                    .isEqualTo(at("2026-12-11T23:59:59.999-06:00"));
        }

        @Test
        void receiptAtMidnightCountsTheNewDayAsDayZero() {
            assertThat(open(Regime.HOSPITAL_COP, "2026-12-05T00:00", CHICAGO).bindingDueAt())
                    .isEqualTo(at("2026-12-12T23:59:59.999-06:00"));
        }

        @Test
        void saturdayAndSundayReceiptsHaveNoRollover() {
            // E1: received Saturday 2026-03-14, due Saturday 2026-03-21
            assertThat(open(Regime.HOSPITAL_COP, "2026-03-14T10:00", CHICAGO).bindingDueAt())
                    .isEqualTo(at("2026-03-21T23:59:59.999-05:00"));
            assertThat(open(Regime.HOSPITAL_COP, "2026-12-06T09:00", CHICAGO).bindingDueAt())
                    .isEqualTo(at("2026-12-13T23:59:59.999-06:00"));
        }

        @Test
        void dayClocksEndAtLocalMidnightAcrossBothDstChanges() {
            assertThat(open(Regime.HOSPITAL_COP, "2026-03-05T12:00", CHICAGO).bindingDueAt())
                    .isEqualTo(at("2026-03-12T23:59:59.999-05:00"));
            assertThat(open(Regime.HOSPITAL_COP, "2026-10-29T12:00", CHICAGO).bindingDueAt())
                    .isEqualTo(at("2026-11-05T23:59:59.999-06:00"));
        }

        @Test
        void emailSentInOneZoneCountsFromTheReceivingFacilitysDate() {
            // E10: sent 2026-12-04 23:30 in Los Angeles = 2026-12-05 01:30 in Chicago: day 0 is 12-05
            Instant sent = local("2026-12-04T23:30", LOS_ANGELES);
            ClockState clock = ClockService.open(TablePolicies.policy(Regime.HOSPITAL_COP, ClockKind.STANDARD), "h",
                    CHICAGO, sent, null, 30, null);
            assertThat(clock.bindingDueAt()).isEqualTo(at("2026-12-12T23:59:59.999-06:00"));
        }

        @Test
        void interimNoticeIsDueByDaySevenAndItsStatedFollowUpDateBecomesBinding() {
            // CMS-HOSP-7: received 2026-12-04, N = 30: interim by 12-11, follow-up 2027-01-03 binding
            ClockState clock = open(Regime.HOSPITAL_COP, "2026-12-04T16:30", CHICAGO);
            ClockService.Timers timers = ClockService.timers(clock, TablePolicies.policy(Regime.HOSPITAL_COP, ClockKind.STANDARD));
            assertThat(timers.interimNoticeDueAt()).isEqualTo(at("2026-12-11T23:59:59.999-06:00"));
            assertThat(timers.interimNoticeAt()).isBefore(timers.interimNoticeDueAt());
            assertThat(clock.followUpDueAt()).isEqualTo(at("2027-01-03T23:59:59.999-06:00"));
            ClockState sent = ClockService.interimSent(clock, at("2026-12-10T10:00:00-06:00"));
            assertThat(sent.bindingDueAt()).isEqualTo(at("2027-01-03T23:59:59.999-06:00"));
            assertThat(ClockService.timers(sent, TablePolicies.policy(Regime.HOSPITAL_COP, ClockKind.STANDARD))
                    .interimNoticeAt()).isNull();
        }

        @Test
        void hospitalGrievancesHaveNeitherExtensionNorExpedite() {
            ClockState clock = open(Regime.HOSPITAL_COP, "2026-12-04T16:30", CHICAGO);
            assertThatThrownBy(() -> ClockService.extend(clock, TablePolicies.policy(Regime.HOSPITAL_COP, ClockKind.STANDARD),
                    Requester.ENROLLEE, 5, "asked", null, null, at("2026-12-05T10:00:00-06:00")))
                    .isInstanceOf(ClockRuleException.class).hasMessageContaining("no extension");
            assertThat(TablePolicies.has(Regime.HOSPITAL_COP, ClockKind.EXPEDITED)).isFalse();
        }

        @Test
        void verbalComplaintConvertedLaterKeepsTheOriginalReceiptAndIsAtRisk() {
            // E2: bedside complaint 2026-12-01 10:00, unresolved; the patient asks for a letter on 12-04
            ClockPolicy policy = TablePolicies.policy(Regime.HOSPITAL_COP, ClockKind.STANDARD);
            ClockState clock = ClockService.open(policy, "h", CHICAGO, local("2026-12-01T10:00", CHICAGO),
                    local("2026-12-04T09:00", CHICAGO), 30, null);
            assertThat(clock.bindingDueAt()).isEqualTo(at("2026-12-08T23:59:59.999-06:00"));
            assertThat(ClockService.atRisk(clock, policy)).isTrue();
        }
    }

    @Nested
    class MedicareAdvantageAndPartD {

        @Test
        void standardGrievanceIsDueThirtyCalendarDaysAfterReceipt() {
            // MA-3: received 2026-01-05 09:15 New York → due 2026-02-04
            assertThat(open(Regime.MEDICARE_ADVANTAGE, "2026-01-05T09:15", NEW_YORK).bindingDueAt())
                    .isEqualTo(at("2026-02-04T23:59:59.999-05:00"));
            // PD-1: received 2026-05-29 → due Sunday 2026-06-28, no rollover
            assertThat(open(Regime.PART_D, "2026-05-29T11:00", CHICAGO).bindingDueAt())
                    .isEqualTo(at("2026-06-28T23:59:59.999-05:00"));
        }

        @Test
        void enrolleeExtensionAddsUpToFourteenDaysAndOwesAWrittenNoticeAtOnce() {
            // MA-4: received 2026-01-05, extended on 2026-01-30 → due 2026-02-18
            ClockState clock = open(Regime.MEDICARE_ADVANTAGE, "2026-01-05T09:15", NEW_YORK);
            ClockState extended = ClockService.extend(clock, TablePolicies.policy(Regime.MEDICARE_ADVANTAGE, ClockKind.STANDARD),
                    Requester.ENROLLEE, 14, "Enrollee is sending records", null, null, local("2026-01-30T10:00", NEW_YORK));
            assertThat(extended.bindingDueAt()).isEqualTo(at("2026-02-18T23:59:59.999-05:00"));
            assertThat(extended.extensionNoticeDueAt()).isEqualTo(at("2026-01-30T23:59:59.999-05:00"));
        }

        @Test
        void planExtensionNeedsBothJustifications() {
            ClockState clock = open(Regime.PART_D, "2026-05-29T11:00", CHICAGO);
            ClockPolicy policy = TablePolicies.policy(Regime.PART_D, ClockKind.STANDARD);
            Instant decided = local("2026-06-20T10:00", CHICAGO);
            assertThatThrownBy(() -> ClockService.extend(clock, policy, Requester.PLAN, 14, "Need pharmacy records",
                    null, null, decided)).isInstanceOf(ClockRuleException.class).hasMessageContaining("enrollee's interest");
            ClockState extended = ClockService.extend(clock, policy, Requester.PLAN, 14, "Need pharmacy records",
                    "Pharmacy claims of May", "A complete review can reverse the charge", decided);
            // PD-1: extended → 2026-07-12
            assertThat(extended.bindingDueAt()).isEqualTo(at("2026-07-12T23:59:59.999-05:00"));
        }

        @Test
        void extensionBeyondTheLimitOrAfterTheDeadlineOrTwiceIsRefusedNamingTheRule() {
            ClockState clock = open(Regime.MEDICARE_ADVANTAGE, "2026-01-05T09:15", NEW_YORK);
            ClockPolicy policy = TablePolicies.policy(Regime.MEDICARE_ADVANTAGE, ClockKind.STANDARD);
            assertThatThrownBy(() -> ClockService.extend(clock, policy, Requester.ENROLLEE, 15, "r", null, null,
                    local("2026-01-30T10:00", NEW_YORK))).isInstanceOf(ClockRuleException.class)
                    .hasMessageContaining("1 to 14").extracting(e -> ((ClockRuleException) e).rule()).asString()
                    .contains("422.564");
            assertThatThrownBy(() -> ClockService.extend(clock, policy, Requester.ENROLLEE, 5, "r", null, null,
                    local("2026-02-05T10:00", NEW_YORK))).isInstanceOf(ClockRuleException.class)
                    .hasMessageContaining("before the deadline");
            ClockState once = ClockService.extend(clock, policy, Requester.ENROLLEE, 5, "r", null, null,
                    local("2026-01-30T10:00", NEW_YORK));
            assertThatThrownBy(() -> ClockService.extend(once, policy, Requester.ENROLLEE, 5, "r", null, null,
                    local("2026-01-31T10:00", NEW_YORK))).isInstanceOf(ClockRuleException.class)
                    .hasMessageContaining("already extended");
        }

        @Test
        void expeditedClockIsTwentyFourRealHoursWithNoWeekendRelief() {
            // MA-7: received Friday 2026-07-03 17:45 Denver → due Saturday 2026-07-04 17:45 MDT
            ClockState clock = openExpedited(Regime.MEDICARE_ADVANTAGE, "2026-07-03T17:45", DENVER,
                    ExpediteTrigger.MA_PLAN_EXTENDED_DETERMINATION);
            assertThat(clock.bindingDueAt()).isEqualTo(at("2026-07-04T17:45:00-06:00"));
            // PD-2: received 2026-11-25 22:10 Los Angeles, drug not received → 2026-11-26 22:10 PST
            assertThat(openExpedited(Regime.PART_D, "2026-11-25T22:10", LOS_ANGELES,
                    ExpediteTrigger.PD_REFUSED_EXPEDITED_COVERAGE_DETERMINATION).bindingDueAt())
                    .isEqualTo(at("2026-11-26T22:10:00-08:00"));
        }

        @Test
        void twentyFourHourClocksRunOnTheInstantTimelineAcrossBothDstChanges() {
            ExpediteTrigger t = ExpediteTrigger.MA_REFUSED_EXPEDITED_DETERMINATION;
            // spring forward: 24 real hours end an hour later on the wall clock
            assertThat(openExpedited(Regime.MEDICARE_ADVANTAGE, "2026-03-07T10:00", CHICAGO, t).bindingDueAt())
                    .isEqualTo(at("2026-03-08T11:00:00-05:00"));
            assertThat(openExpedited(Regime.MEDICARE_ADVANTAGE, "2026-03-07T10:00", LOS_ANGELES, t).bindingDueAt())
                    .isEqualTo(at("2026-03-08T11:00:00-07:00"));
            // fall back: an hour earlier on the wall clock
            assertThat(openExpedited(Regime.MEDICARE_ADVANTAGE, "2026-10-31T09:00", CHICAGO, t).bindingDueAt())
                    .isEqualTo(at("2026-11-01T08:00:00-06:00"));
            assertThat(openExpedited(Regime.MEDICARE_ADVANTAGE, "2026-10-31T09:00", LOS_ANGELES, t).bindingDueAt())
                    .isEqualTo(at("2026-11-01T08:00:00-08:00"));
        }

        @Test
        void expediteAfterTheFactCountsFromTheOriginalReceiptAndCanBeDueAlready() {
            ClockState clock = open(Regime.MEDICARE_ADVANTAGE, "2026-07-03T17:45", DENVER);
            ClockState expedited = ClockService.expedite(clock, TablePolicies.policy(Regime.MEDICARE_ADVANTAGE, ClockKind.EXPEDITED),
                    ExpediteTrigger.MA_REFUSED_EXPEDITED_DETERMINATION, null, local("2026-07-05T09:00", DENVER));
            assertThat(expedited.kind()).isEqualTo(ClockKind.EXPEDITED);
            assertThat(expedited.bindingDueAt()).isEqualTo(at("2026-07-04T17:45:00-06:00"));
            assertThat(expedited.bindingDueAt()).isBefore(expedited.expeditedAt());
        }

        @Test
        void partDExpediteNeedsTheDrugNotYetReceivedAndItsOwnTrigger() {
            ClockState clock = open(Regime.PART_D, "2026-11-25T22:10", LOS_ANGELES);
            ClockPolicy expedited = TablePolicies.policy(Regime.PART_D, ClockKind.EXPEDITED);
            Instant now = local("2026-11-26T08:00", LOS_ANGELES);
            assertThatThrownBy(() -> ClockService.expedite(clock, expedited,
                    ExpediteTrigger.PD_REFUSED_EXPEDITED_COVERAGE_DETERMINATION, true, now))
                    .hasMessageContaining("not yet").isInstanceOf(ClockRuleException.class);
            assertThatThrownBy(() -> ClockService.expedite(clock, expedited,
                    ExpediteTrigger.MA_REFUSED_EXPEDITED_DETERMINATION, false, now))
                    .isInstanceOf(ClockRuleException.class).hasMessageContaining("trigger");
            // with the drug received the standard 30 days stand: due 2026-12-25
            assertThat(clock.bindingDueAt()).isEqualTo(at("2026-12-25T23:59:59.999-08:00"));
        }

        @Test
        void reclassificationKeepsTheOriginalReceipt() {
            // E5: a call on 2026-01-05 09:15 reclassified on 2026-01-08 still counts from 01-05 → due 02-04
            ClockState clock = ClockService.open(TablePolicies.policy(Regime.MEDICARE_ADVANTAGE, ClockKind.STANDARD), "p",
                    NEW_YORK, local("2026-01-05T09:15", NEW_YORK), local("2026-01-08T14:00", NEW_YORK), null, null);
            assertThat(clock.bindingDueAt()).isEqualTo(at("2026-02-04T23:59:59.999-05:00"));
        }
    }

    @Nested
    class MedicaidAndChip {

        @Test
        void standardGrievanceIsDueNinetyCalendarDaysAfterReceipt() {
            // MCD-5: received 2026-10-01 → federal due 2026-12-30
            assertThat(open(Regime.MEDICAID, "2026-10-01T10:00", CHICAGO).bindingDueAt())
                    .isEqualTo(at("2026-12-30T23:59:59.999-06:00"));
            assertThat(open(Regime.CHIP, "2026-10-01T10:00", CHICAGO).bindingDueAt())
                    .isEqualTo(at("2026-12-30T23:59:59.999-06:00"));
        }

        static ClockState openStateLimited(Regime regime, String received, Integer stateLimitDays) {
            return ClockService.open(ClockService.stateLimited(TablePolicies.policy(regime, ClockKind.STANDARD),
                    stateLimitDays), "owner", CHICAGO, local(received, CHICAGO), null, 30, null);
        }

        @Test
        void stateLimitShorterThanTheFederalCeilingGoverns() {
            // MCD-5: received 2026-10-01 with a State 30-day rule → due 2026-10-31 (federal 2026-12-30)
            for (Regime regime : new Regime[] { Regime.MEDICAID, Regime.CHIP }) {
                ClockState clock = openStateLimited(regime, "2026-10-01T10:00", 30);
                assertThat(clock.bindingDueAt()).isEqualTo(at("2026-10-31T23:59:59.999-05:00"));
                assertThat(clock.policyCitation()).endsWith("with the State limit of 30 days");
            }
            // day 0 is the receipt date: a minute before midnight and at midnight fall on two different due dates
            assertThat(openStateLimited(Regime.MEDICAID, "2026-10-01T23:59", 30).bindingDueAt())
                    .isEqualTo(at("2026-10-31T23:59:59.999-05:00"));
            assertThat(openStateLimited(Regime.MEDICAID, "2026-10-02T00:00", 30).bindingDueAt())
                    .isEqualTo(at("2026-11-01T23:59:59.999-06:00")); // DST ended that morning
        }

        @Test
        void stateLimitLongerThanTheFederalCeilingOrAbsentLeavesNinetyDays() {
            // MCD-5: the engine takes min(federal, State); a State can never lengthen the 90 days
            assertThat(openStateLimited(Regime.MEDICAID, "2026-10-01T10:00", 120).bindingDueAt())
                    .isEqualTo(at("2026-12-30T23:59:59.999-06:00"));
            assertThat(openStateLimited(Regime.MEDICAID, "2026-10-01T10:00", 90).bindingDueAt())
                    .isEqualTo(at("2026-12-30T23:59:59.999-06:00"));
            assertThat(openStateLimited(Regime.MEDICAID, "2026-10-01T10:00", 89).bindingDueAt())
                    .isEqualTo(at("2026-12-29T23:59:59.999-06:00"));
            assertThat(openStateLimited(Regime.CHIP, "2026-10-01T10:00", null).bindingDueAt())
                    .isEqualTo(at("2026-12-30T23:59:59.999-06:00"));
        }

        @Test
        void stateLimitDoesNotTouchOtherRegimes() {
            // a Medicaid State rule is no Medicare rule: MA-3 keeps its 30 days whatever the State says
            ClockPolicy ma = TablePolicies.policy(Regime.MEDICARE_ADVANTAGE, ClockKind.STANDARD);
            assertThat(ClockService.stateLimited(ma, 10)).isSameAs(ma);
        }

        @Test
        void planInitiatedExtensionOwesAWrittenNoticeWithinTwoCalendarDays() {
            // MCD-6: received 2026-10-01, plan extends on 2026-12-20 → due 2027-01-13, notice by 2026-12-22
            ClockState clock = open(Regime.MEDICAID, "2026-10-01T10:00", CHICAGO);
            ClockState extended = ClockService.extend(clock, TablePolicies.policy(Regime.MEDICAID, ClockKind.STANDARD),
                    Requester.PLAN, 14, "Awaiting provider records", "Provider records", "Complete review",
                    local("2026-12-20T09:00", CHICAGO));
            assertThat(extended.bindingDueAt()).isEqualTo(at("2027-01-13T23:59:59.999-06:00"));
            assertThat(extended.extensionNoticeDueAt()).isEqualTo(at("2026-12-22T23:59:59.999-06:00"));
        }

        @Test
        void enrolleeRequestedMedicaidExtensionOwesNoExtensionNotice() {
            ClockState clock = open(Regime.CHIP, "2026-10-01T10:00", CHICAGO);
            ClockState extended = ClockService.extend(clock, TablePolicies.policy(Regime.CHIP, ClockKind.STANDARD),
                    Requester.ENROLLEE, 7, "Enrollee asked for time", null, null, local("2026-12-01T09:00", CHICAGO));
            assertThat(extended.extensionNoticeDueAt()).isNull();
            assertThat(extended.bindingDueAt()).isEqualTo(at("2027-01-06T23:59:59.999-06:00"));
        }

        @Test
        void medicaidAndChipHaveNoExpeditedGrievance() {
            assertThat(TablePolicies.has(Regime.MEDICAID, ClockKind.EXPEDITED)).isFalse();
            assertThat(TablePolicies.has(Regime.CHIP, ClockKind.EXPEDITED)).isFalse();
        }
    }

    @Test
    void breachIsRecordedAsOfTheBindingDeadline() {
        ClockState clock = open(Regime.HOSPITAL_COP, "2026-12-04T16:30", CHICAGO);
        ClockState late = ClockService.breached(clock);
        assertThat(late.late()).isTrue();
        assertThat(late.lateAt()).isEqualTo(clock.bindingDueAt());
        assertThat(late.running()).isFalse();
    }
}
