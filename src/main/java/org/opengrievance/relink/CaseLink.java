package org.opengrievance.relink;

import java.time.OffsetDateTime;

/**
 * A row of {@code case_link}: {@code toCase} arose from {@code fromCase}. {@code actor} is the signed-in person
 * who made the change; {@code originalReceivedAt} is what the new case's clocks count from.
 */
public record CaseLink(long id, String fromCase, String toCase, LinkKind kind, Track classification, String reason,
        OffsetDateTime originalReceivedAt, OffsetDateTime requestedAt, boolean atRisk, String actor,
        OffsetDateTime linkedAt) {
}
