package org.opengrievance.relink;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.opengrievance.config.WithinTimeBounds;

/**
 * {@code POST /api/grievances/{caseNumber}/conversion}: the patient asked, at {@code requestedAt}, for a written
 * response or formal handling of a contact closed without one (E2(b)).
 */
record ConversionRequest(@NotNull @WithinTimeBounds OffsetDateTime requestedAt,
        @NotBlank @Size(max = CaseChanges.MAX_REASON) String reason) {
}
