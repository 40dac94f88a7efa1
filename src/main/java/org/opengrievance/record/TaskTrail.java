package org.opengrievance.record;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opengrievance.clock.ClockProcess;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.grievance.InvestigationProcess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who took, was given and completed each task of a case, and what the investigation and the response steps
 * recorded, from the task events the Camunda starter publishes inside the engine's transaction
 * ({@code camunda.bpm.eventing.task}, on by default). They run after the model's own listeners, so a completion
 * a listener refused records nothing (it rolls back with the rest). Reads the task, never changes it.
 */
@Component
class TaskTrail {

    private final CaseEvents events;
    private final ReadModel readModel;
    private final Clock clock;

    TaskTrail(CaseEvents events, ReadModel readModel, Clock clock) {
        this.events = events;
        this.readModel = readModel;
        this.clock = clock;
    }

    @EventListener
    public void on(DelegateTask task) {
        String caseNumber = CaseKey.ofOrNull(task);
        if (caseNumber == null || !CaseEvents.mayBeCase(caseNumber)) {
            return;
        }
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> created(caseNumber, task);
            case TaskListener.EVENTNAME_ASSIGNMENT -> assigned(caseNumber, task);
            case TaskListener.EVENTNAME_COMPLETE -> completed(caseNumber, task);
            default -> {
                // update and delete: the engine's own history has them; no regulatory fact
            }
        }
    }

    private void created(String caseNumber, DelegateTask task) {
        TasksCreatedNow.add(task.getId());
        if (ClockProcess.REVIEW_NEAR_DEADLINE.equals(task.getTaskDefinitionKey())) {
            Object regime = task.getVariable(ClockProcess.REGIME);
            Map<String, Object> detail = facts(task);
            detail.put("regime", regime);
            events.append(caseNumber, CaseEventKind.ESCALATED, now(), null, regime == null ? null : regime.toString(),
                    detail);
        }
    }

    private void assigned(String caseNumber, DelegateTask task) {
        String assignee = task.getAssignee();
        Map<String, Object> detail = facts(task);
        detail.put("assignee", assignee);
        if (TasksCreatedNow.contains(task.getId())) {
            // the model's assignee expression, evaluated when the task was created
            detail.put("byModel", true);
            events.append(caseNumber, CaseEventKind.TASK_ASSIGNED, now(), null, task.getTaskDefinitionKey(), detail);
            return;
        }
        String actor = Actors.current(task.getProcessEngineServices().getIdentityService());
        CaseEventKind kind = assignee == null ? CaseEventKind.TASK_UNCLAIMED
                : assignee.equals(actor) ? CaseEventKind.TASK_CLAIMED : CaseEventKind.TASK_ASSIGNED;
        events.append(caseNumber, kind, now(), actor, task.getTaskDefinitionKey(), detail);
    }

    private void completed(String caseNumber, DelegateTask task) {
        String actor = Actors.of(task);
        Instant now = now();
        Map<String, Object> detail = facts(task);
        String key = task.getTaskDefinitionKey();
        CaseEventKind kind = CaseEventKind.TASK_COMPLETED;
        boolean readModelWritten = false;
        if (InvestigationProcess.GATHER_FINDINGS.equals(key)) {
            kind = CaseEventKind.FINDINGS_RECORDED;
        } else if (InvestigationProcess.CODE_ISSUE.equals(key)) {
            kind = CaseEventKind.CODED;
            String category = text(task.getVariable(InvestigationProcess.HCAT_CATEGORY));
            String severity = text(task.getVariable(InvestigationProcess.HCAT_SEVERITY));
            String harm = text(task.getVariable(InvestigationProcess.HARM_LEVEL));
            detail.put("hcatCategory", category);
            detail.put("hcatSeverity", severity);
            detail.put("harmLevel", harm);
            readModel.coded(caseNumber, category, severity, harm, now);
            readModelWritten = true;
        } else if (GrievanceProcess.DRAFT_RESPONSE.equals(key)) {
            kind = CaseEventKind.RESPONSE_DRAFTED;
            detail.put("responseChannel", text(task.getVariable(GrievanceProcess.RESPONSE_CHANNEL)));
        } else if (GrievanceProcess.APPROVE_RESPONSE.equals(key)) {
            boolean approved = GrievanceProcess.APPROVE.equals(task.getVariable(GrievanceProcess.APPROVAL_DECISION));
            kind = approved ? CaseEventKind.RESPONSE_APPROVED : CaseEventKind.RESPONSE_RETURNED;
            if (approved) {
                detail.put("letterIds", text(task.getVariable(GrievanceProcess.RESOLUTION_LETTER_IDS)));
                readModel.resolved(caseNumber, now, resolution(task));
                readModelWritten = true;
            }
        }
        if (readModelWritten) {
            events.appendAfterReadModel(caseNumber, kind, now, actor, key, detail);
        } else {
            events.append(caseNumber, kind, now, actor, key, detail);
        }
    }

    /** What the resolution letter tells the patient: the steps taken and the results patient relations wrote. */
    private static String resolution(DelegateTask task) {
        StringJoiner text = new StringJoiner("\n\n");
        for (String name : new String[] {GrievanceProcess.PATIENT_STEPS_TEXT, GrievanceProcess.RESPONSE_DRAFT}) {
            String part = text(task.getVariable(name));
            if (part != null) {
                text.add(part.strip());
            }
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** The task's id, key and the model's name for it (the Tasklist name carries the case number as well). */
    private static Map<String, Object> facts(DelegateTask task) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("taskId", task.getId());
        detail.put("task", task.getTaskDefinitionKey());
        var element = task.getBpmnModelElementInstance();
        detail.put("taskName", element != null && element.getName() != null ? element.getName() : task.getName());
        return detail;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private Instant now() {
        return clock.instant();
    }
}
