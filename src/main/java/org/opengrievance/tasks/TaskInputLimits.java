package org.opengrievance.tasks;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opengrievance.refusal.Refusal;
import org.opengrievance.text.PrintableText;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The server-side limits of what a task completion may store, whoever sends it (Tasklist, engine-rest, a
 * script): Camunda Forms enforce their limits only in the browser. A text over {@value #MAX_TEXT}
 * characters, or one that breaks the printable-text rule ({@link PrintableText}), refuses the completion
 * with a {@link Refusal} naming the field (never its value).
 */
@Component
class TaskInputLimits {

    static final int MAX_TEXT = 8000;

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void onComplete(DelegateTask task) {
        for (Map.Entry<String, Object> v : task.getVariables().entrySet()) {
            if (v.getValue() instanceof String text) {
                if (text.length() > MAX_TEXT) {
                    throw Refusal.badField(v.getKey(), "The field " + v.getKey() + " is longer than " + MAX_TEXT
                            + " characters.");
                }
                if (!PrintableText.isPrintable(text)) {
                    throw Refusal.badField(v.getKey(), "The field " + v.getKey() + " " + PrintableText.RULE + ".");
                }
            }
        }
    }
}
