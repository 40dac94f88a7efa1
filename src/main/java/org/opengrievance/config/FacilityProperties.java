package org.opengrievance.config;

import java.time.ZoneId;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.opengrievance.regime.Regime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The facility whose grievances this engine handles and the zone that governs its clocks
 * (regulatory-requirements E10: the receiving entity's zone), its interim-notice follow-up days, and the
 * regimes a case falls under when intake names none. A missing zone or follow-up days stops start-up.
 */
@Validated
@ConfigurationProperties(prefix = "grievance.facility")
public record FacilityProperties(
        @NotBlank String name,
        @NotNull ZoneId zone,
        @NotNull(message = "the facility's policy follow-up days (CMS-HOSP-7: the interim notice states"
                + " receipt + N days; no default is legal) must be configured: grievance.facility.follow-up-days")
        @Min(1) Integer followUpDays,
        @Min(1) int abuseReviewHours,
        @NotEmpty List<Regime> defaultRegimes) {
}
