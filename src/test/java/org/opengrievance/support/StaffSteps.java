package org.opengrievance.support;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.support.TestUsers.Role;

/**
 * A grievance taken from intake to closure by the test users, each signed in as themselves with their groups
 * (the engine's authorizations apply), claiming each task and submitting its form through the FormService, as
 * Tasklist does: the engine's history then holds who claimed, who completed and what each form carried.
 */
public final class StaffSteps {

    static final String CONFIRM_CLASSIFICATION = "confirmClassification";
    static final String CHECK_DUPLICATES = "checkPossibleDuplicates";

    private final TaskService tasks;
    private final FormService forms;
    private final IdentityService identity;

    public StaffSteps(TaskService tasks, FormService forms, IdentityService identity) {
        this.tasks = tasks;
        this.forms = forms;
        this.identity = identity;
    }

    /** A nursing grievance logged by intake (its first task is then intake's), worked to RESOLVED by post. */
    public void closeNursingGrievance(String caseNumber) {
        work(caseNumber, "confirmClassification", Role.INTAKE, Map.of("classification", "GRIEVANCE"));
        work(caseNumber, "acknowledgeReceipt", Role.PATIENT_RELATIONS, Map.of("acknowledgedVia", "PHONE"));
        work(caseNumber, "gatherFindings", Role.NURSING_INVESTIGATOR, Map.of(
                "findings", "Tray line delayed by a broken cart.", "stepsTaken", "Interviewed staff and the patient.",
                "issue1", "Meals arrived cold"));
        work(caseNumber, "codeIssue", Role.NURSING_INVESTIGATOR,
                Map.of("hcatCategory", "ENVIRONMENT", "hcatSeverity", "1", "harmLevel", "0"));
        work(caseNumber, "draftResponse", Role.PATIENT_RELATIONS, Map.of(
                "answer1", "We replaced the broken cart on the tray line.",
                "responseDraft", "Your concern was substantiated; the cart was replaced.",
                "contactPerson", "Paula Patient-Relations", "contactTitle", "Patient Relations Manager",
                "contactPhone", "(555) 010-0100", "responseChannel", "MAIL"));
        work(caseNumber, "approveResponse", Role.DIRECTOR, Map.of("approvalDecision", "APPROVE"));
        work(caseNumber, "printAndMailLetter", Role.PATIENT_RELATIONS, Map.of("mailedAt", "2026-12-10T12:00:00-06:00"));
        work(caseNumber, "closeGrievance", Role.PATIENT_RELATIONS, Map.of("closureReason", "RESOLVED"));
    }

    /**
     * The open task of the case with this key, claimed (unless it is the person's already) and submitted. A case
     * that met intake's duplicate check (E7: the test logged the same patient's similar complaint while another was
     * open) is first confirmed new by intake, as a person would before classifying it.
     */
    public void work(String caseNumber, String taskKey, Role role, Map<String, Object> values) {
        if (CONFIRM_CLASSIFICATION.equals(taskKey)
                && tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(CHECK_DUPLICATES)
                        .count() == 1) {
            work(caseNumber, CHECK_DUPLICATES, Role.INTAKE, Map.of("duplicateDecision", "NEW"));
        }
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new AssertionError("no open task " + taskKey + " on " + caseNumber);
        }
        identity.setAuthentication(role.userId(), List.copyOf(role.groups()));
        try {
            if (!role.userId().equals(task.getAssignee())) {
                tasks.claim(task.getId(), role.userId());
            }
            forms.submitTaskForm(task.getId(), values);
        } finally {
            identity.clearAuthentication();
        }
    }
}
