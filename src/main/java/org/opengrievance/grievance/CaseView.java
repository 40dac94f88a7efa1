package org.opengrievance.grievance;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/grievances/{caseNumber}}: where a case stands, what is open on it and when it is due. */
public record CaseView(
        String caseNumber,
        String status,
        String channel,
        OffsetDateTime receivedAt,
        String zone,
        Classification classification,
        HandOff handOff,
        List<Deadline> deadlines,
        Closure closure,
        List<String> activeActivities,
        List<OpenTask> tasks,
        List<Link> links) {

    /**
     * {@code pointOfCare}: set when a suggested grievance was changed to a complaint resolved at the time.
     * {@code route}: where a contact that is not a grievance went (PATIENT_FINANCIAL_SERVICES, SURVEY_FEEDBACK, INQUIRY).
     */
    public record Classification(String suggested, String current, String reason, String rule, String route,
            List<ClassificationEvent> history, PointOfCareResolution pointOfCare) {
    }

    /** A plan contact that left the grievance procedure (MA-1): its deadline from the original receipt, rule, appeals reference. */
    public record HandOff(OffsetDateTime dueAt, String rule, String reference) {
    }

    /**
     * One clock: who owns it, what it counts from, the deadline that binds now and how it got there.
     * {@code late} is true once the binding deadline passed without the response (recorded or not yet).
     */
    public record Deadline(String regime, String kind, String owner, String zone, OffsetDateTime receivedAt,
            OffsetDateTime dueAt, OffsetDateTime baseDueAt, OffsetDateTime followUpDueAt, OffsetDateTime interimSentAt,
            Extension extension, String expediteTrigger, boolean late, OffsetDateTime lateAt,
            OffsetDateTime stoppedAt, String rule, String policySource) {
    }

    public record Extension(int days, String requestedBy, String reason, OffsetDateTime decidedAt,
            OffsetDateTime noticeDueAt) {
    }

    public record Closure(String reason, String note, OffsetDateTime closedAt, String closedBy) {
    }

    /**
     * A case this one is linked to. {@code direction} FROM: this case arose from {@code caseNumber}; TO:
     * {@code caseNumber} arose from this one. {@code kind} CONVERTED (E2(b)), RECLASSIFIED (E5) or SPLIT (MA-1);
     * {@code classification} the track of the case that arose; {@code originalReceivedAt} what its clocks count
     * from; {@code atRisk} less than the full length of one of its clocks remained when it was opened.
     */
    public record Link(String direction, String caseNumber, String kind, String classification, String reason,
            OffsetDateTime originalReceivedAt, OffsetDateTime requestedAt, boolean atRisk, String by,
            OffsetDateTime at) {
    }

    public record OpenTask(String id, String activityId, String name, List<String> candidateGroups,
            String assignee, OffsetDateTime due) {
    }
}
