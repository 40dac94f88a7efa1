package org.opengrievance.casesearch;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How far the search counts ({@code grievance.search.count-cap}): an exact total costs a scan of every match, so
 * at a million cases the unfiltered count was most of the search's time (docs/performance.md). Up to the cap the
 * total is exact; beyond it the page says only "more than the cap", which is all an auditor can use: a list that
 * long is narrowed, or exported, not paged through.
 */
@Validated
@ConfigurationProperties(prefix = "grievance.search")
record CaseSearchProperties(@Min(1) @Max(1_000_000) Integer countCap) {

    static final int DEFAULT_COUNT_CAP = 10_000;

    CaseSearchProperties {
        countCap = countCap == null ? DEFAULT_COUNT_CAP : countCap;
    }
}
