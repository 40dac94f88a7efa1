package org.opengrievance.relink;

/**
 * The tracks a person can put a new linked case on: the classification the decision returns for it (the
 * classification table's first rule reads {@code chosenTrack}). Appeals and coverage requests are a plan's
 * procedures (MA-1, 42 CFR 422.564(b)): only a case under a plan regime can have them.
 */
public enum Track {
    GRIEVANCE(false),
    APPEAL(true),
    COVERAGE_REQUEST(true);

    private final boolean planOnly;

    Track(boolean planOnly) {
        this.planOnly = planOnly;
    }

    public boolean planOnly() {
        return planOnly;
    }
}
