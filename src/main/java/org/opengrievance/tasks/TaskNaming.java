package org.opengrievance.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.GrievanceProcess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the case number in every task's name, so staff find their work by it in Tasklist, the words for the
 * codes its form shows ({@link Labels}), and the clock's reminder instant as the follow-up date of the tasks due
 * at the response deadline. Done here rather
 * than with {@code ${caseNumber}} in the model's task names, which Modeler would show as raw expressions.
 */
@Component
class TaskNaming {

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onCreate(DelegateTask task) {
        String caseNumber = CaseKey.ofOrNull(task);
        if (caseNumber != null && task.getName() != null && !task.getName().contains(caseNumber)) {
            task.setName(task.getName() + " · " + caseNumber);
        }
        // words instead of codes where staff look: the forms show these read-only fields
        Labels.LABELLED.forEach((code, label) -> {
            Object value = task.getVariable(code);
            if (value != null) {
                task.setVariableLocal(label, Labels.of(value));
            }
        });
        // tasks due at the response deadline come back to the top at the clock's reminder instant
        Object due = task.getVariable(GrievanceProcess.RESPONSE_DUE_AT);
        Object followUp = task.getVariable(GrievanceProcess.RESPONSE_FOLLOW_UP_AT);
        if (task.getFollowUpDate() == null && followUp instanceof java.util.Date date && due != null
                && due.equals(task.getDueDate())) {
            task.setFollowUpDate(date);
        }
    }
}
