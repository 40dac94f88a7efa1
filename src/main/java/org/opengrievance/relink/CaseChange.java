package org.opengrievance.relink;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a conversion, reclassification or split did: where the first case stands now and the new cases, each with
 * the receipt its clocks count from, its response deadline and whether it is at risk.
 */
public record CaseChange(String caseNumber, String status, String closureReason, List<NewCase> newCases) {

    /**
     * @param receivedAt         the new case's receipt (for a conversion: when the patient asked)
     * @param originalReceivedAt what its clocks count from: the contact's first receipt
     * @param responseDueAt      the earliest deadline of its clocks, in the facility's zone
     * @param atRisk             less than the full length of one of its clocks remained when it was opened (E2)
     */
    public record NewCase(String caseNumber, LinkKind link, Track classification, OffsetDateTime receivedAt,
            OffsetDateTime originalReceivedAt, OffsetDateTime responseDueAt, boolean atRisk) {
    }
}
