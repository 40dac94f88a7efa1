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
        List<Deadline> deadlines,
        Closure closure,
        List<String> activeActivities,
        List<OpenTask> tasks) {

    public record Classification(String suggested, String current, String reason, String rule,
            List<ClassificationEvent> history) {
    }

    public record Deadline(String kind, String regime, OffsetDateTime dueAt, String zone, boolean late) {
    }

    public record Closure(String reason, String note, OffsetDateTime closedAt, String closedBy) {
    }

    public record OpenTask(String id, String activityId, String name, List<String> candidateGroups,
            String assignee, OffsetDateTime due) {
    }
}
