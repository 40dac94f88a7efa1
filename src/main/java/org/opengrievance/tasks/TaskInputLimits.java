package org.opengrievance.tasks;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The server-side limits of what a task completion may store, whoever sends it (Tasklist, engine-rest, a
 * script): Camunda Forms enforce their limits only in the browser. A text over {@value #MAX_TEXT}
 * characters, or with a control character other than tab, line feed and carriage return, refuses the
 * completion with a message naming the field (never its value).
 */
@Component
class TaskInputLimits {

    static final int MAX_TEXT = 8000;

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void onComplete(DelegateTask task) {
        for (Map.Entry<String, Object> v : task.getVariables().entrySet()) {
            if (v.getValue() instanceof String text) {
                if (text.length() > MAX_TEXT) {
                    throw new ProcessEngineException("The field " + v.getKey() + " is longer than " + MAX_TEXT
                            + " characters.");
                }
                if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                    throw new ProcessEngineException("The field " + v.getKey() + " contains a control character.");
                }
            }
        }
    }
}
