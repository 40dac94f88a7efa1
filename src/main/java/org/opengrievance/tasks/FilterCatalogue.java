package org.opengrievance.tasks;

import static org.opengrievance.security.Roles.CASE_MANAGEMENT;
import static org.opengrievance.security.Roles.INTAKE;
import static org.opengrievance.security.Roles.INVESTIGATORS;
import static org.opengrievance.security.Roles.PATIENT_RELATIONS;
import static org.opengrievance.security.Roles.PR_DIRECTOR;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The Tasklist filters of each role (docs/guide-staff.md lists them): what the filter selects, where it stands
 * in the list (Tasklist orders filters by their {@code priority} property) and which groups see it. Every filter
 * sorts by the due date, then by priority (the clocks raise a case's priority as its deadline nears).
 */
final class FilterCatalogue {

    /** One shared filter: its name as Tasklist shows it, its place, its groups and its query. */
    record FilterSpec(String name, int priority, String description, List<String> groups,
            Function<TaskService, TaskQuery> query) {
    }

    private FilterCatalogue() {
    }

    static List<FilterSpec> filters() {
        List<String> everyone = new ArrayList<>(List.of(INTAKE, PATIENT_RELATIONS, PR_DIRECTOR,
                org.opengrievance.security.Roles.APPEALS, CASE_MANAGEMENT));
        everyone.addAll(INVESTIGATORS);
        List<String> caseRunners = List.of(PATIENT_RELATIONS, PR_DIRECTOR);
        return List.of(
                new FilterSpec("My tasks", 10, "Tasks assigned to me", everyone,
                        t -> t.createTaskQuery().taskAssigneeExpression("${currentUser()}")),
                new FilterSpec("To confirm", 20, "Possible duplicates to check, classifications to confirm or override",
                        List.of(INTAKE), t -> keys(t, "checkPossibleDuplicates", "confirmClassification")),
                new FilterSpec("My department", 21, "Findings and coding for my investigation department",
                        INVESTIGATORS,
                        t -> t.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                                .includeAssignedTasks().taskDefinitionKeyIn("gatherFindings", "codeIssue")),
                new FilterSpec("Acknowledgements", 30, "Grievances to acknowledge", List.of(PATIENT_RELATIONS),
                        t -> keys(t, "acknowledgeReceipt")),
                new FilterSpec("Drafts to write", 31, "Written responses to draft", List.of(PATIENT_RELATIONS),
                        t -> keys(t, "draftResponse")),
                new FilterSpec("Letters to send", 32, "The print queue and the interim and extension notices",
                        List.of(PATIENT_RELATIONS),
                        t -> keys(t, "printAndMailLetter", "sendInterimNotice", "sendExtensionNotice")),
                new FilterSpec("To close", 33, "Answered grievances to close", List.of(PATIENT_RELATIONS),
                        t -> keys(t, "closeGrievance")),
                new FilterSpec("Hand-offs", 35, "Coverage requests and appeals to take over",
                        List.of(org.opengrievance.security.Roles.APPEALS), t -> keys(t, "handOffToAppeals")),
                new FilterSpec("Approvals", 40, "Written responses to approve or send back", List.of(PR_DIRECTOR),
                        t -> keys(t, "approveResponse")),
                new FilterSpec("Escalations", 41, "Cases whose deadline is near", List.of(PR_DIRECTOR),
                        t -> keys(t, "reviewNearDeadline")),
                new FilterSpec("Breaches", 42, "Cases whose deadline was missed", List.of(PR_DIRECTOR),
                        t -> keys(t, "reviewMissedDeadline")),
                new FilterSpec("Abuse reviews", 43, "Abuse or neglect allegations to review", List.of(PR_DIRECTOR),
                        t -> keys(t, "reviewAbuseAllegation", "continueAbuseReview")),
                new FilterSpec("Discharge appeal rights", 50,
                        "Patients who say their discharge is too early: tell them of the Medicare QIO review today",
                        List.of(CASE_MANAGEMENT), t -> keys(t, "informDischargeAppealRight")),
                new FilterSpec("Due in 48 hours", 80, "Open tasks due within the next 48 hours", everyone,
                        t -> t.createTaskQuery().dueAfterExpression("${now()}")
                                .dueBeforeExpression("${dateTime().plusHours(48)}")),
                new FilterSpec("Overdue", 90, "Open tasks past their due date", everyone,
                        t -> t.createTaskQuery().dueBeforeExpression("${now()}")),
                new FilterSpec("Expedited", 95, "Tasks of expedited (24-hour) grievances", caseRunners,
                        t -> t.createTaskQuery().processVariableValueEquals("expedited", true)));
    }

    /**
     * Work filters list the tasks of their steps, claimed or not: the engine's task authorizations already
     * keep them to the tasks the person may read.
     */
    private static TaskQuery keys(TaskService tasks, String... taskDefinitionKeys) {
        return tasks.createTaskQuery().taskDefinitionKeyIn(taskDefinitionKeys);
    }
}
