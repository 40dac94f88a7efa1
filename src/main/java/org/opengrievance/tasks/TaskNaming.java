package org.opengrievance.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the case number in every task's name, so staff find their work by it in Tasklist. Done here rather
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
    }
}
