package org.opengrievance.casehistory;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/audit/cases/{caseNumber}/history}: what the engine recorded about a case, from its public
 * HistoryService: the grievance's process instance and every instance it called (investigation, clocks,
 * letter deliveries), each activity that ran, the user tasks with who claimed and who completed them, every
 * form submission, the decisions evaluated, incidents and the user operation log. Instants are in the
 * facility's zone ({@code zone}).
 */
public record CaseHistory(
        String caseNumber,
        String zone,
        List<HistoryInstance> processInstances,
        List<HistoryActivity> activities,
        /** definition id → activity id → how many times it ran (the diagram's counts; multi-instance bodies left out) */
        Map<String, Map<String, Long>> activityCounts,
        List<HistoryUserTask> userTasks,
        List<HistoryFormSubmission> formSubmissions,
        List<HistoryDecision> decisions,
        List<HistoryIncident> incidents,
        List<HistoryOperation> operations) {

    public record HistoryInstance(String id, String definitionId, String definitionKey, String definitionName,
            Integer definitionVersion, String superProcessInstanceId, String state, OffsetDateTime startedAt,
            OffsetDateTime endedAt, Long durationMillis, String startUserId, String deleteReason) {
    }

    public record HistoryActivity(String id, String activityId, String name, String type, String processInstanceId,
            String processDefinitionId, OffsetDateTime startedAt, OffsetDateTime endedAt, Long durationMillis,
            boolean canceled, String taskId, String calledProcessInstanceId) {
    }

    /**
     * {@code claimedBy}: the assignee who held the task last (the claim or assignment before it ended);
     * {@code completedBy}: the person the engine recorded completing it (user operation log), null when a
     * task ended otherwise (cancelled by the process, a deleted instance).
     */
    public record HistoryUserTask(String id, String taskDefinitionKey, String name, String processInstanceId,
            String processDefinitionId, OffsetDateTime createdAt, OffsetDateTime dueAt, List<String> candidateGroups,
            String claimedBy, OffsetDateTime claimedAt, String completedBy, OffsetDateTime completedAt,
            OffsetDateTime endedAt, Long durationMillis, String endReason, List<HistoryAssignment> assignments) {
    }

    /** An assignee change: {@code operation} add or delete, {@code by} who did it (null: the engine). */
    public record HistoryAssignment(OffsetDateTime at, String assignee, String by, String operation) {
    }

    /** The values a person submitted with a form (a task's or the start form), in the order they were recorded. */
    public record HistoryFormSubmission(String taskId, String taskName, String processInstanceId, String activityInstanceId,
            OffsetDateTime submittedAt, String submittedBy, Map<String, Object> values) {
    }

    /**
     * A decision evaluated while one of the case's activities ran: a business rule task (classification,
     * routing), or the clock service's deadline policy inside registerCase and the clock processes. The engine
     * records an evaluation outside any process (a clock extended through the API) with no case: the timeline has
     * those changes, with the rule they applied.
     */
    public record HistoryDecision(String id, String decisionKey, String decisionName, String decisionDefinitionId,
            OffsetDateTime evaluatedAt, String processInstanceId, String activityId, String activityInstanceId,
            List<HistoryDecisionInput> inputs, List<HistoryDecisionOutput> outputs) {
    }

    public record HistoryDecisionInput(String clauseId, String name, String type, Object value) {
    }

    public record HistoryDecisionOutput(String clauseId, String name, String variable, String type, Object value, String ruleId,
            Integer ruleOrder) {
    }

    public record HistoryIncident(String id, String type, String message, String activityId, String processInstanceId,
            OffsetDateTime createdAt, OffsetDateTime endedAt, String state, String causeIncidentId) {
    }

    public record HistoryOperation(String id, String operationId, OffsetDateTime at, String userId, String operationType,
            String entityType, String category, String property, String orgValue, String newValue, String taskId,
            String processInstanceId, String annotation) {
    }
}
