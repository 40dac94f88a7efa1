package org.opengrievance.duplicates;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What makes an open case a possible duplicate of a new contact (regulatory-requirements E7; no regulation sets
 * these, so they are the facility's choice): received within {@code windowDays} days (of 24 hours, either side of
 * the new contact's receipt instant), and complaint texts at least {@code similarityThreshold} alike (token
 * Jaccard, {@link TextSimilarity}). At most {@code maxCandidates} are shown, the most alike first.
 */
@Validated
@ConfigurationProperties(prefix = "grievance.duplicates")
public record DuplicateProperties(
        @Min(1) @Max(366) Integer windowDays,
        @DecimalMin("0.0") @DecimalMax("1.0") Double similarityThreshold,
        @Min(1) @Max(20) Integer maxCandidates) {

    public DuplicateProperties {
        windowDays = windowDays == null ? 30 : windowDays;
        similarityThreshold = similarityThreshold == null ? 0.3 : similarityThreshold;
        maxCandidates = maxCandidates == null ? 5 : maxCandidates;
    }
}
