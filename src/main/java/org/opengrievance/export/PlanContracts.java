package org.opengrievance.export;

import org.opengrievance.config.PlanProperties;
import org.springframework.stereotype.Component;

/**
 * The contract and PBP a plan clock belongs to. One plan per installation today: the configured contract,
 * for clocks the configured plan owns (case_clock.owner_name). A clock of another owner (a plan configured
 * before) gets none, so the universe names it instead of printing the wrong contract; several plans per
 * installation will answer here from the case's own plan.
 */
@Component
class PlanContracts {

    record Contract(String contractId, String pbp) {
    }

    private final PlanContractProperties contract;
    private final PlanProperties plan;

    PlanContracts(PlanContractProperties contract, PlanProperties plan) {
        this.contract = contract;
        this.plan = plan;
    }

    Contract of(GrievanceFacts f) {
        if (!plan.name().equals(f.ownerName())) {
            return new Contract(null, null);
        }
        return new Contract(contract.contractId(), contract.pbp());
    }
}
