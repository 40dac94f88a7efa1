package org.opengrievance.clock;

import java.time.Instant;
import java.time.ZoneId;

import org.opengrievance.regime.Regime;

/**
 * One clock of a case as it stands: the receipt it counts from, the zone that governs it, and every event
 * so far. Immutable; {@link ClockService} returns a new state for each event.
 *
 * @param receivedAt      the instant the owner received the grievance (for a converted verbal complaint,
 *                        the original complaint's receipt: E2)
 * @param baseDueAt       the deadline the policy gives, before extension or interim notice
 * @param bindingDueAt    the deadline that binds now (extended, or the stated follow-up date)
 * @param followUpDueAt   hospital only: receipt + the facility's policy N days, stated in the interim notice
 */
public record ClockState(
        Regime regime,
        String ownerName,
        ZoneId zone,
        ClockKind kind,
        Instant receivedAt,
        Instant convertedAt,
        Instant baseDueAt,
        Instant bindingDueAt,
        Instant followUpDueAt,
        Instant interimSentAt,
        int extensionDays,
        Requester extensionRequestedBy,
        String extensionReason,
        Instant extendedAt,
        Instant extensionNoticeDueAt,
        ExpediteTrigger expediteTrigger,
        Instant expeditedAt,
        boolean late,
        Instant lateAt,
        Instant stoppedAt,
        String policyCitation,
        String policySource) {

    public boolean running() {
        return stoppedAt == null && !late;
    }

    ClockState withDue(Instant base, Instant binding) {
        return new ClockState(regime, ownerName, zone, kind, receivedAt, convertedAt, base, binding, followUpDueAt,
                interimSentAt, extensionDays, extensionRequestedBy, extensionReason, extendedAt, extensionNoticeDueAt,
                expediteTrigger, expeditedAt, late, lateAt, stoppedAt, policyCitation, policySource);
    }
}
