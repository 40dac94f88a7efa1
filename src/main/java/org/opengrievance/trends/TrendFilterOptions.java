package org.opengrievance.trends;

import java.time.YearMonth;
import java.util.List;

/** The filters the director may choose from, and the default period. */
public record TrendFilterOptions(List<FacilityOption> facilities, List<String> departments, YearMonth defaultFrom,
        YearMonth defaultTo) {

    /** A facility (owner HOSPITAL) or plan (owner PLAN) name. */
    public record FacilityOption(String name, String owner) {
    }
}
