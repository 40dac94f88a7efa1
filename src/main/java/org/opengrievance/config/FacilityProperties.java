package org.opengrievance.config;

import java.time.ZoneId;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The facility whose grievances this engine handles and the zone that governs its clocks
 * (regulatory-requirements E10: the receiving entity's zone). A missing zone stops start-up.
 */
@Validated
@ConfigurationProperties(prefix = "grievance.facility")
public record FacilityProperties(
        @NotBlank String name,
        @NotNull ZoneId zone,
        @Min(1) int responseDays,
        @Min(1) int abuseReviewHours) {
}
