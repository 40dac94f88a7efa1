package org.opengrievance.duplicates;

import java.time.OffsetDateTime;

/**
 * An open case shown to intake as a possible duplicate of a new contact: only what the person needs to tell
 * whether it is the same matter (its number, when it was received, the start of its complaint, how alike).
 */
public record DuplicateCandidate(String caseNumber, OffsetDateTime receivedAt, String excerpt, double similarity) {

    /** The start of a complaint, cut at a word, as the form and the API show it. */
    static final int EXCERPT_MAX = 120;

    static String excerpt(String complaint) {
        String t = complaint == null ? "" : complaint.strip().replaceAll("\\s+", " ");
        if (t.length() <= EXCERPT_MAX) {
            return t;
        }
        int cut = t.lastIndexOf(' ', EXCERPT_MAX);
        return t.substring(0, cut > EXCERPT_MAX / 2 ? cut : EXCERPT_MAX) + "…";
    }
}
