package org.opengrievance.relink;

import java.time.Instant;

/**
 * A new case was linked to the case it came from: published synchronously, in the transaction that writes the
 * link, for whoever keeps the cases' timelines (package record).
 */
public record CaseLinked(String fromCase, String toCase, LinkKind kind, Track classification, boolean atRisk,
        String actor, Instant at) {
}
