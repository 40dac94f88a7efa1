package org.opengrievance.closure;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code closeGrievance}: a grievance closed with the patient still unsatisfied
 * must document the efforts made (CMS-HOSP-10).
 */
@Component("closureReview")
class ClosureReviewListener implements TaskListener {

    static final Set<String> REASONS = Set.of("RESOLVED", "CLOSED_UNSATISFIED", "WITHDRAWN");

    @Override
    public void notify(DelegateTask task) {
        Object reason = task.getVariable("closureReason");
        if (reason == null || !REASONS.contains(reason.toString())) {
            throw new ProcessEngineException("Choose a closure reason: " + REASONS + ".");
        }
        Object efforts = task.getVariable("closureEffortsNote");
        if ("CLOSED_UNSATISFIED".equals(reason) && (efforts == null || efforts.toString().isBlank())) {
            throw new ProcessEngineException(
                    "Closing with the patient not satisfied requires the efforts made to be documented.");
        }
    }
}
