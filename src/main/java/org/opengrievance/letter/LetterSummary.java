package org.opengrievance.letter;

import java.time.OffsetDateTime;

/**
 * A stored letter without its PDF: what the list API shows and what {@link LetterService#approve} returns.
 * Times are in the facility's zone. {@code language} is the language the letter is written in;
 * {@code requestedLanguage} the recipient's preferred one (they differ when that language has no templates: the
 * letter is then in the default language with the taglines); {@code largePrint} whether it was printed large.
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
        String recipient,
        String requestedLanguage,
        boolean largePrint) {
}
