package org.opengrievance.intake;

import java.time.OffsetDateTime;

import org.opengrievance.grievance.GrievanceCase;

/** The answer to a new complaint: its number, how it was classified and why, and when the response is due. */
public record Registration(
        String caseNumber,
        String classification,
        String classificationReason,
        String classificationRule,
        OffsetDateTime receivedAt,
        OffsetDateTime responseDueAt,
        String zone,
        String status) {

    static Registration of(GrievanceCase c) {
        return new Registration(c.caseNumber(), c.suggestedClassification(), c.classificationReason(),
                c.classificationRule(), c.receivedAt(), c.responseDueAt(), c.facilityZone(), c.status());
    }
}
