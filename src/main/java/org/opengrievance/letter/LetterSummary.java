package org.opengrievance.letter;

import java.time.OffsetDateTime;

/**
 * A stored letter without its PDF: what the list API shows and what {@link LetterService#approve} returns.
 * Times are in the facility's zone.
 */
public record LetterSummary(
        long id,
        String caseNumber,
        LetterKind kind,
        String regime,
        String language,
        String templateVersion,
        String sha256,
        int sizeBytes,
        LetterStatus status,
        OffsetDateTime generatedAt,
        String approvedBy,
        OffsetDateTime approvedAt,
        OffsetDateTime sentAt,
        SendChannel channel,
        String recipient) {
}
