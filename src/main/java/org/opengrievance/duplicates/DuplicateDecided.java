package org.opengrievance.duplicates;

import java.time.Instant;
import java.util.List;

/**
 * Published in the engine's transaction when intake decided about a contact's possible duplicates: a new case
 * ({@code attachedTo} null), or attached to the open case {@code attachedTo} as its issue line {@code issueLine}.
 * The read model writes it to the timelines of both cases.
 */
public record DuplicateDecided(String caseNumber, List<String> candidates, String attachedTo, Integer issueLine,
        String actor, Instant at) {

    public boolean attached() {
        return attachedTo != null;
    }
}
