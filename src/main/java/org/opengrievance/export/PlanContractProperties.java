package org.opengrievance.export;

import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The CMS contract and plan benefit package of the health plan whose clocks this engine runs
 * ({@code grievance.plan.contract-id}, {@code grievance.plan.pbp}), as the Part C and Part D universes print
 * them. Optional: a hospital without plan clocks has none, and a universe refuses (422) while they are missing.
 */
@Validated
@ConfigurationProperties(prefix = "grievance.plan")
record PlanContractProperties(
        @Pattern(regexp = "[A-Z][0-9]{4}", message = "must be a CMS contract number such as H1234") String contractId,
        @Pattern(regexp = "[0-9]{3}", message = "must be a plan benefit package of three digits such as 001") String pbp) {

    PlanContractProperties {
        contractId = contractId == null || contractId.isBlank() ? null : contractId.trim();
        pbp = pbp == null || pbp.isBlank() ? null : pbp.trim();
    }
}
