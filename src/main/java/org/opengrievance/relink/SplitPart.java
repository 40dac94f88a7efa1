package org.opengrievance.relink;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One part of a mixed contact that goes onto a track of its own.
 *
 * @param complaintText what this part is about, in the complainant's words; empty: the whole complaint's text
 */
public record SplitPart(@NotNull Track classification, @Size(max = CaseChanges.MAX_TEXT) String complaintText) {
}
