package org.opengrievance.clock;

import org.opengrievance.regime.Regime;

/**
 * The typed triggers of the 24-hour grievance clock (MA-7, PD-2): free text never makes a case expedited.
 */
public enum ExpediteTrigger {
    /** MA: the plan invoked an extension of an organization determination or reconsideration. */
    MA_PLAN_EXTENDED_DETERMINATION(Regime.MEDICARE_ADVANTAGE),
    /** MA: the plan refused a request for an expedited organization determination or reconsideration. */
    MA_REFUSED_EXPEDITED_DETERMINATION(Regime.MEDICARE_ADVANTAGE),
    /** Part D: the sponsor refused an expedited coverage determination or redetermination (drug not yet received). */
    PD_REFUSED_EXPEDITED_COVERAGE_DETERMINATION(Regime.PART_D);

    private final Regime regime;

    ExpediteTrigger(Regime regime) {
        this.regime = regime;
    }

    public Regime regime() {
        return regime;
    }
}
