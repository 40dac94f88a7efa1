package org.opengrievance.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the case number in every task's name, so staff find their work by it in Tasklist, and the clock's
 * reminder instant as the follow-up date of the tasks due at the response deadline. Done here rather
 * than with {@code ${caseNumber}} in the model's task names, which Modeler would show as raw expressions.
 */
@Component
class TaskNaming {

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void onCreate(DelegateTask task) {
        Object caseNumber = task.getVariable("caseNumber");
        if (caseNumber != null && task.getName() != null && !task.getName().contains(caseNumber.toString())) {
            task.setName(task.getName() + " · " + caseNumber);
        }
        // tasks due at the response deadline come back to the top at the clock's reminder instant
        Object due = task.getVariable("responseDueAt");
        Object followUp = task.getVariable("responseFollowUpAt");
        if (task.getFollowUpDate() == null && followUp instanceof java.util.Date date && due != null
                && due.equals(task.getDueDate())) {
            task.setFollowUpDate(date);
        }
    }
}
