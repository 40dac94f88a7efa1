package org.opengrievance.clock;

import java.time.Instant;
import java.util.List;

import org.opengrievance.regime.Regime;

/**
 * What intake knows about the clocks of a new case.
 *
 * @param receivedAt         when the facility received this complaint
 * @param originalReceivedAt when a verbal complaint that later became a grievance was first received (E2), or null
 * @param planReceivedAt     when the plan received it, if later than the facility (E11), or null
 */
public record ClockOpening(List<Regime> regimes, Instant receivedAt, Instant originalReceivedAt,
        Instant planReceivedAt, ExpediteTrigger expediteTrigger, Boolean drugReceived) {
}
