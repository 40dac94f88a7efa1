package org.opengrievance.trends;

import java.util.Set;

/** The classifications the figures tell apart (codes of the classification table and the plan's outcomes). */
final class Classifications {

    static final String GRIEVANCE = "GRIEVANCE";
    static final String COMPLAINT = "COMPLAINT";
    static final String NOT_A_GRIEVANCE = "NOT_A_GRIEVANCE";
    /** The plan's outcomes that are no grievance: an inquiry, or a request handed to the appeals team. */
    static final Set<String> PLAN_NOT_GRIEVANCES = Set.of("INQUIRY", "APPEAL", "COVERAGE_REQUEST");

    private Classifications() {
    }

    static boolean grievance(TrendCase c) {
        return GRIEVANCE.equals(c.classification());
    }

    static boolean notAGrievance(TrendCase c) {
        return NOT_A_GRIEVANCE.equals(c.classification()) || PLAN_NOT_GRIEVANCES.contains(c.classification());
    }

    /** No response is owed for a complaint or a non-grievance; a grievance or a case not yet classified runs its clock. */
    static boolean responseOwed(TrendCase c) {
        return c.classification() == null || grievance(c);
    }
}
