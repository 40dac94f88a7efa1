package org.opengrievance.regime;

/**
 * The rule sets a grievance can fall under. They apply cumulatively: a hospital grievance from a Medicare
 * Advantage enrollee runs a hospital clock and, once the plan receives it, a plan clock (E11).
 */
public enum Regime {
    /** Hospital Conditions of Participation, 42 CFR 482.13(a)(2). */
    HOSPITAL_COP(false),
    /** Medicare Advantage (Part C), 42 CFR 422.564. */
    MEDICARE_ADVANTAGE(true),
    /** Medicare Part D, 42 CFR 423.564. */
    PART_D(true),
    /** Medicaid managed care, 42 CFR 438.402-438.408. */
    MEDICAID(true),
    /** CHIP managed care, 42 CFR 457.1260: the Medicaid rules without continuation of benefits. */
    CHIP(true);

    private final boolean plan;

    Regime(boolean plan) {
        this.plan = plan;
    }

    /** Whether a health plan (not the hospital) owns this clock. */
    public boolean isPlan() {
        return plan;
    }
}
