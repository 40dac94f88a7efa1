package org.opengrievance.grievance;

import java.time.OffsetDateTime;

/** A row of the case record. Times are instants with the offset they were stored with. */
public record GrievanceCase(
        String caseNumber,
        String processInstanceId,
        String channel,
        OffsetDateTime receivedAt,
        String facilityName,
        String facilityZone,
        String patientName,
        String complaintText,
        String serviceArea,
        String preferredLanguage,
        String suggestedClassification,
        String classification,
        String classificationReason,
        String classificationRule,
        OffsetDateTime responseDueAt,
        String status,
        String closureReason,
        String closureNote,
        OffsetDateTime closedAt,
        String closedBy,
        OffsetDateTime createdAt,
        String createdBy) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
}
