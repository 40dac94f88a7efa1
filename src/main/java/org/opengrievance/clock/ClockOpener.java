package org.opengrievance.clock;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Component;

/** The clocks a new case opens at registration: one per regime, from the decision table and the owners. */
@Component
class ClockOpener {

    private final DeadlinePolicies policies;
    private final CaseClockRepository clocks;
    private final ClockOwners owners;
    private final Clock clock;

    ClockOpener(DeadlinePolicies policies, CaseClockRepository clocks, ClockOwners owners, Clock clock) {
        this.policies = policies;
        this.clocks = clocks;
        this.owners = owners;
        this.clock = clock;
    }

    /**
     * The clocks, not stored yet (the case row must exist first). Each counts from the original receipt of a
     * converted complaint (E2), a plan's from the plan's own receipt when later (E11).
     */
    List<ClockState> compute(ClockOpening in) {
        if (in.expediteTrigger() != null && !in.regimes().contains(in.expediteTrigger().regime())) {
            throw new ClockRuleException(in.expediteTrigger().regime().name(), "The expedite trigger "
                    + in.expediteTrigger() + " belongs to " + in.expediteTrigger().regime()
                    + ", which is not among the case's regimes.");
        }
        List<ClockState> opened = new ArrayList<>();
        for (Regime regime : in.regimes()) {
            boolean expedited = in.expediteTrigger() != null && in.expediteTrigger().regime() == regime;
            ClockPolicy policy = policies.require(regime, expedited ? ClockKind.EXPEDITED : ClockKind.STANDARD);
            if (expedited) {
                ClockService.checkTrigger(regime, in.expediteTrigger(), in.drugReceived(), policy.citation());
            }
            Instant counted = in.originalReceivedAt() != null ? in.originalReceivedAt() : in.receivedAt();
            if (regime.isPlan() && in.planReceivedAt() != null) {
                counted = in.planReceivedAt();
            }
            Instant converted = in.originalReceivedAt() != null ? in.receivedAt() : null;
            opened.add(ClockService.open(owners.stateLimited(policy), owners.name(regime), owners.zone(regime),
                    counted, converted, owners.followUpDays(), expedited ? in.expediteTrigger() : null));
        }
        return opened;
    }

    /** Stores the clocks of a new case, with an OPENED event naming the rule and the decision version. */
    void save(String caseNumber, List<ClockState> opened) {
        for (ClockState state : opened) {
            clocks.insert(caseNumber, state);
            ClockPolicy policy = policies.require(state.regime(), state.kind());
            clocks.event(caseNumber, state.regime(), ClockEventKind.OPENED, state.policyCitation() + " from "
                    + state.policySource() + (ClockService.atRisk(state, policy) ? "; AT RISK: converted late (E2)" : ""),
                    null, clock.instant());
        }
    }
}
