package org.opengrievance.clock;

import java.time.ZoneId;

import org.opengrievance.config.FacilityProperties;
import org.opengrievance.config.PlanProperties;
import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Component;

/**
 * What the configuration says about a clock's owner: the facility owns the hospital clock, the plan every
 * other (E11); the owner's documented zone governs its clock (E10); the facility's follow-up days
 * (CMS-HOSP-7); the State's Medicaid/CHIP limit (MCD-5).
 */
@Component
class ClockOwners {

    private final FacilityProperties facility;
    private final PlanProperties plan;

    ClockOwners(FacilityProperties facility, PlanProperties plan) {
        this.facility = facility;
        this.plan = plan;
    }

    String name(Regime regime) {
        return regime.isPlan() ? plan.name() : facility.name();
    }

    ZoneId zone(Regime regime) {
        return regime.isPlan() ? plan.zone() : facility.zone();
    }

    Integer followUpDays() {
        return facility.followUpDays();
    }

    /** The table's policy with the State's limit applied (only Medicaid and CHIP are shortened). */
    ClockPolicy stateLimited(ClockPolicy policy) {
        return ClockService.stateLimited(policy, plan.stateLimitDays());
    }
}
