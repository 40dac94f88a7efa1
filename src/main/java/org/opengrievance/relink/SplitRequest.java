package org.opengrievance.relink;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** {@code POST /api/grievances/{caseNumber}/split}: parts of a mixed contact that go onto their own tracks (MA-1). */
record SplitRequest(@NotEmpty @Size(max = CaseChanges.MAX_PARTS) List<@Valid SplitPart> parts,
        @NotBlank @Size(max = CaseChanges.MAX_REASON) String reason) {
}
