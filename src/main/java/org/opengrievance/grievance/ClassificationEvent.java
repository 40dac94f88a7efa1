package org.opengrievance.grievance;

import java.time.OffsetDateTime;

/** One entry of the append-only classification trail of a case. */
public record ClassificationEvent(
        Kind kind, String classification, String reason, String ruleId, String actor, OffsetDateTime recordedAt) {

    public enum Kind { SUGGESTED, CONFIRMED, OVERRIDDEN }
}
