package org.opengrievance.trends;

import java.time.OffsetDateTime;
import java.time.YearMonth;

/**
 * A month's denominator for one facility or plan: PATIENT_DAYS for a hospital facility, MEMBERS for the plan,
 * with who entered it and when (the latest entry).
 */
public record Denominator(YearMonth month, String facility, String kind, long value, String enteredBy,
        OffsetDateTime enteredAt) {

    public static final String PATIENT_DAYS = "PATIENT_DAYS";
    public static final String MEMBERS = "MEMBERS";

    static String kindFor(String owner) {
        return TrendCase.PLAN.equals(owner) ? MEMBERS : PATIENT_DAYS;
    }
}
