package org.opengrievance.relink;

import java.time.Instant;
import java.util.List;

import org.opengrievance.clock.ClockPolicy;
import org.opengrievance.clock.ClockService;
import org.opengrievance.clock.ClockState;
import org.opengrievance.clock.DeadlinePolicies;
import org.opengrievance.config.PlanProperties;
import org.springframework.stereotype.Component;

/**
 * E2: a case opened later than the contact was first received, whose clocks still count from that first receipt,
 * is at risk from the start when one of them leaves less than its full length: its deadline is earlier than the
 * same policy would give counted from the moment the case was opened (the patient's request, the
 * reclassification, the split).
 */
@Component
class AtRisk {

    private final DeadlinePolicies policies;
    private final PlanProperties plan;

    AtRisk(DeadlinePolicies policies, PlanProperties plan) {
        this.policies = policies;
        this.plan = plan;
    }

    boolean any(List<ClockState> clocks, Instant openedAt) {
        return clocks.stream().filter(k -> k.stoppedAt() == null).anyMatch(k -> atRisk(k, openedAt));
    }

    private boolean atRisk(ClockState clock, Instant openedAt) {
        // the clock's own policy, with the State limit its opening applied (CaseClocks.compute)
        ClockPolicy policy = ClockService.stateLimited(policies.require(clock.regime(), clock.kind()),
                plan.stateLimitDays());
        return clock.bindingDueAt().isBefore(ClockService.dueAt(policy, openedAt, clock.zone()));
    }
}
