package org.opengrievance.config;

import java.time.ZoneId;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The health plan whose clocks this engine also runs (MA, Part D, Medicaid, CHIP): its documented zone
 * governs its day clocks (E10), and a State may set a Medicaid/CHIP limit below the federal 90 days (MCD-5).
 */
@Validated
@ConfigurationProperties(prefix = "grievance.plan")
public record PlanProperties(
        @NotBlank String name,
        @NotNull ZoneId zone,
        @Min(1) @Max(90) Integer stateLimitDays) {
}
