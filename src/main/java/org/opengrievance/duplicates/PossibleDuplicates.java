package org.opengrievance.duplicates;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/grievances/{caseNumber}/possible-duplicates}: the open cases intake was shown as possible
 * duplicates of this contact, and what was decided. {@code decision}: {@code NONE} (no candidate was found),
 * {@code PENDING} (the check waits at intake), {@code NEW} or {@code ATTACHED} (to {@code attachedTo}).
 */
public record PossibleDuplicates(String caseNumber, String decision, String attachedTo, String decidedBy,
        OffsetDateTime decidedAt, List<DuplicateCandidate> candidates) {
}
