package org.opengrievance.relink;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/grievances/{caseNumber}/reclassification}: the open case belongs on another track (E5). */
record ReclassificationRequest(@NotNull Track classification,
        @NotBlank @Size(max = CaseChanges.MAX_REASON) String reason) {
}
