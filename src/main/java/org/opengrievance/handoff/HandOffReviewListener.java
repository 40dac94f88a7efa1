package org.opengrievance.handoff;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.refusal.Refusal;
import org.springframework.stereotype.Component;

/** Complete listener of {@code handOffToAppeals}: the appeals team's own reference goes to the case record. */
@Component("handOffReview")
class HandOffReviewListener implements TaskListener {

    private final GrievanceCaseRepository cases;

    HandOffReviewListener(GrievanceCaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        Object reference = task.getVariable(GrievanceProcess.HAND_OFF_REFERENCE);
        if (reference == null || reference.toString().isBlank()) {
            throw Refusal.badField(GrievanceProcess.HAND_OFF_REFERENCE,
                    "Give the reference of the case in the appeals system.");
        }
        cases.saveHandOffReference(CaseKey.of(task), reference.toString().strip());
    }
}
