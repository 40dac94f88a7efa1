package org.opengrievance.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.opengrievance.regime.Regime;

/**
 * Turns (regime, receipt instant, governing zone, kind, events so far) into due instants. Plain Java with
 * no engine inside; the lengths come in as a {@link ClockPolicy} read from the decision table.
 *
 * <p>Counting (regulatory-requirements section 4): calendar days, day 0 = the receipt date in the governing
 * zone, due at the end of the due date in that zone; hour clocks on the instant timeline (24 hours across a
 * DST change are 24 real hours); no weekend or holiday rollover for any regulatory clock.
 */
public final class ClockService {

    /** End of a calendar day, at the millisecond precision the engine and the databases store. */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_000_000);

    private ClockService() {
    }

    /** The deadline a policy gives for a receipt. */
    public static Instant dueAt(ClockPolicy policy, Instant receivedAt, ZoneId zone) {
        return switch (policy.unit()) {
            case DAYS -> endOfDay(receivedAt.atZone(zone).toLocalDate().plusDays(policy.length()), zone);
            case HOURS -> receivedAt.plus(Duration.ofHours(policy.length()));
        };
    }

    public static Instant endOfDay(LocalDate date, ZoneId zone) {
        return date.atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    /**
     * MCD-5, CHIP-1: a Medicaid or CHIP clock is the shorter of the federal ceiling (the table's length) and the
     * State's limit ({@code stateLimitDays}, none when null); every other regime keeps the table's length.
     */
    public static ClockPolicy stateLimited(ClockPolicy p, Integer stateLimitDays) {
        boolean medicaidLike = p.regime() == Regime.MEDICAID || p.regime() == Regime.CHIP;
        if (!medicaidLike || stateLimitDays == null || stateLimitDays >= p.length()) {
            return p;
        }
        return new ClockPolicy(p.regime(), p.kind(), p.unit(), stateLimitDays, p.extensionLimitDays(),
                p.reminderBeforeHours(), p.escalationBeforeHours(), p.interimNoticeBeforeHours(),
                p.extensionNoticeDays(), p.citation() + " with the State limit of " + stateLimitDays + " days",
                p.source());
    }

    /**
     * A new clock. {@code convertedAt} is set when a verbal complaint became a grievance later than it was
     * received (E2): the clock still counts from the original receipt. {@code followUpDays} is the hospital
     * policy's N (CMS-HOSP-7), ignored for plans.
     */
    public static ClockState open(ClockPolicy policy, String owner, ZoneId zone, Instant receivedAt,
            Instant convertedAt, Integer followUpDays, ExpediteTrigger trigger) {
        Instant due = dueAt(policy, receivedAt, zone);
        Instant followUp = policy.regime() == Regime.HOSPITAL_COP && followUpDays != null
                ? endOfDay(receivedAt.atZone(zone).toLocalDate().plusDays(followUpDays), zone) : null;
        return new ClockState(policy.regime(), owner, zone, policy.kind(), receivedAt, convertedAt, due, due, followUp,
                null, 0, null, null, null, null, trigger, trigger == null ? null : receivedAt, false, null, null,
                policy.citation(), policy.source());
    }

    /**
     * An extension (MA-4, PD-1, MCD-6): up to the policy's limit in calendar days, once, decided before the
     * deadline; a plan-initiated one needs both justifications. The written notice is due at the end of the
     * decision day plus the policy's notice days; Medicaid/CHIP owe it only when the plan extended.
     */
    public static ClockState extend(ClockState clock, ClockPolicy policy, Requester requester, int days,
            String reason, String informationNeeded, String enrolleeInterest, Instant at) {
        String rule = policy.citation();
        if (!clock.running()) {
            throw new ClockRuleException(rule, "The " + clock.regime() + " clock is no longer running; it cannot be extended.");
        }
        if (policy.extensionLimitDays() <= 0) {
            throw new ClockRuleException(rule, "A " + clock.kind().name().toLowerCase() + " " + clock.regime()
                    + " grievance has no extension under " + rule + ".");
        }
        if (clock.extensionDays() > 0) {
            throw new ClockRuleException(rule, "The " + clock.regime() + " clock was already extended once.");
        }
        if (days < 1 || days > policy.extensionLimitDays()) {
            throw new ClockRuleException(rule, "An extension is 1 to " + policy.extensionLimitDays()
                    + " calendar days under " + rule + "; " + days + " was asked.");
        }
        if (at.isAfter(clock.baseDueAt())) {
            throw new ClockRuleException(rule, "An extension must be decided before the deadline ("
                    + clock.baseDueAt().atZone(clock.zone()).toOffsetDateTime() + ").");
        }
        if (reason == null || reason.isBlank()) {
            throw new ClockRuleException(rule, "An extension needs the reason for the delay.");
        }
        if (requester == Requester.PLAN && (blank(informationNeeded) || blank(enrolleeInterest))) {
            throw new ClockRuleException(rule, "A plan-initiated extension must document the additional"
                    + " information needed and how the delay is in the enrollee's interest.");
        }
        LocalDate dueDate = clock.baseDueAt().atZone(clock.zone()).toLocalDate();
        Instant extendedDue = endOfDay(dueDate.plusDays(days), clock.zone());
        boolean noticeOwed = clock.regime() == Regime.MEDICARE_ADVANTAGE || clock.regime() == Regime.PART_D
                || requester == Requester.PLAN;
        Instant noticeDue = noticeOwed
                ? endOfDay(at.atZone(clock.zone()).toLocalDate().plusDays(policy.extensionNoticeDays()), clock.zone())
                : null;
        return new ClockState(clock.regime(), clock.ownerName(), clock.zone(), clock.kind(), clock.receivedAt(),
                clock.convertedAt(), clock.baseDueAt(), extendedDue, clock.followUpDueAt(), clock.interimSentAt(),
                days, requester, reason, at, noticeDue, clock.expediteTrigger(), clock.expeditedAt(), false, null,
                null, clock.policyCitation(), clock.policySource());
    }

    /**
     * Expedite after the fact (MA-7, PD-2): the 24-hour clock runs from the original receipt instant, so a
     * late expedite can be due at once or already missed. Part D needs the drug not yet received.
     */
    public static ClockState expedite(ClockState clock, ClockPolicy expedited, ExpediteTrigger trigger,
            Boolean drugReceived, Instant at) {
        checkTrigger(clock.regime(), trigger, drugReceived, expedited.citation());
        if (!clock.running()) {
            throw new ClockRuleException(expedited.citation(), "The " + clock.regime() + " clock is no longer running.");
        }
        if (clock.kind() == ClockKind.EXPEDITED) {
            throw new ClockRuleException(expedited.citation(), "The " + clock.regime() + " clock is already expedited.");
        }
        Instant due = dueAt(expedited, clock.receivedAt(), clock.zone());
        return new ClockState(clock.regime(), clock.ownerName(), clock.zone(), ClockKind.EXPEDITED, clock.receivedAt(),
                clock.convertedAt(), due, due, null, null, 0, null, null, null, null, trigger, at, false, null, null,
                expedited.citation(), expedited.source());
    }

    /** The typed trigger must belong to the regime; Part D also needs the drug not yet received. */
    public static void checkTrigger(Regime regime, ExpediteTrigger trigger, Boolean drugReceived, String rule) {
        if (trigger == null || trigger.regime() != regime) {
            throw new ClockRuleException(rule, "An expedited " + regime + " grievance needs one of the triggers of "
                    + rule + "; " + trigger + " is not one.");
        }
        if (regime == Regime.PART_D && !Boolean.FALSE.equals(drugReceived)) {
            throw new ClockRuleException(rule, "A Part D grievance is expedited only while the enrollee has not yet"
                    + " received the drug in dispute (drugReceived must be false).");
        }
    }

    /** Hospital interim notice sent (CMS-HOSP-7): the follow-up date it states becomes the binding deadline. */
    public static ClockState interimSent(ClockState clock, Instant at) {
        if (clock.followUpDueAt() == null) {
            throw new ClockRuleException("CMS-HOSP-7", "Only a hospital clock has an interim notice.");
        }
        return new ClockState(clock.regime(), clock.ownerName(), clock.zone(), clock.kind(), clock.receivedAt(),
                clock.convertedAt(), clock.baseDueAt(), clock.followUpDueAt(), clock.followUpDueAt(), at, 0, null,
                null, null, null, clock.expediteTrigger(), clock.expeditedAt(), clock.late(), clock.lateAt(),
                clock.stoppedAt(), clock.policyCitation(), clock.policySource());
    }

    /** The binding deadline passed without a response: late from the deadline instant itself. */
    public static ClockState breached(ClockState clock) {
        return new ClockState(clock.regime(), clock.ownerName(), clock.zone(), clock.kind(), clock.receivedAt(),
                clock.convertedAt(), clock.baseDueAt(), clock.bindingDueAt(), clock.followUpDueAt(),
                clock.interimSentAt(), clock.extensionDays(), clock.extensionRequestedBy(), clock.extensionReason(),
                clock.extendedAt(), clock.extensionNoticeDueAt(), clock.expediteTrigger(), clock.expeditedAt(), true,
                clock.bindingDueAt(), clock.stoppedAt(), clock.policyCitation(), clock.policySource());
    }

    public static ClockState stopped(ClockState clock, Instant at) {
        return new ClockState(clock.regime(), clock.ownerName(), clock.zone(), clock.kind(), clock.receivedAt(),
                clock.convertedAt(), clock.baseDueAt(), clock.bindingDueAt(), clock.followUpDueAt(),
                clock.interimSentAt(), clock.extensionDays(), clock.extensionRequestedBy(), clock.extensionReason(),
                clock.extendedAt(), clock.extensionNoticeDueAt(), clock.expediteTrigger(), clock.expeditedAt(),
                clock.late(), clock.lateAt(), at, clock.policyCitation(), clock.policySource());
    }

    /**
     * E2: a conversion that leaves less time than the policy's full length is at risk from the moment it
     * happens.
     */
    public static boolean atRisk(ClockState clock, ClockPolicy policy) {
        if (clock.convertedAt() == null) {
            return false;
        }
        Instant fullLength = dueAt(policy, clock.convertedAt(), clock.zone());
        return clock.bindingDueAt().isBefore(fullLength);
    }

    /** When the process's timers fire, from the binding deadline and the policy's offsets. */
    public static Timers timers(ClockState clock, ClockPolicy policy) {
        Instant binding = clock.bindingDueAt();
        Instant interimAt = null;
        Instant interimDue = null;
        if (clock.followUpDueAt() != null && clock.interimSentAt() == null) {
            interimDue = clock.baseDueAt();
            interimAt = interimDue.minus(Duration.ofHours(policy.interimNoticeBeforeHours()));
        }
        return new Timers(binding.minus(Duration.ofHours(policy.reminderBeforeHours())),
                binding.minus(Duration.ofHours(policy.escalationBeforeHours())), interimAt, interimDue, binding);
    }

    /** The instants the clock process's timers use. */
    public record Timers(Instant reminderAt, Instant escalationAt, Instant interimNoticeAt, Instant interimNoticeDueAt,
            Instant bindingDueAt) {
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
