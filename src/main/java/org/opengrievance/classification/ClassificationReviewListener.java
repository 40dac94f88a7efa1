package org.opengrievance.classification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.ClassificationEvent;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code confirmClassification}: a person confirms the suggestion, or overrides it
 * and must say why. The reason and the person go to the append-only classification trail.
 */
@Component("classificationReview")
class ClassificationReviewListener implements TaskListener {

    static final Set<String> CLASSIFICATIONS = Set.of("GRIEVANCE", "COMPLAINT");

    private final GrievanceCaseRepository cases;
    private final Clock clock;

    ClassificationReviewListener(GrievanceCaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String suggested = (String) task.getVariable(GrievanceProcess.SUGGESTED_CLASSIFICATION);
        Object chosen = task.getVariable(GrievanceProcess.CLASSIFICATION);
        if (chosen == null || !CLASSIFICATIONS.contains(chosen.toString())) {
            throw Refusal.badField(GrievanceProcess.CLASSIFICATION, "Choose a classification: grievance or complaint.");
        }
        String classification = chosen.toString();
        Object reason = task.getVariable(GrievanceProcess.OVERRIDE_REASON);
        boolean overridden = !classification.equals(suggested);
        if (overridden && (reason == null || reason.toString().isBlank())) {
            throw Refusal.badField(GrievanceProcess.OVERRIDE_REASON,
                    "Give a reason for overriding the suggested classification.");
        }
        String actor = Actors.of(task);
        cases.recordClassification(CaseKey.of(task), new ClassificationEvent(
                overridden ? ClassificationEvent.Kind.OVERRIDDEN : ClassificationEvent.Kind.CONFIRMED,
                classification,
                overridden ? reason.toString() : "Confirmed: " + task.getVariable(GrievanceProcess.CLASSIFICATION_REASON),
                overridden ? null : (String) task.getVariable(GrievanceProcess.CLASSIFICATION_RULE),
                actor, OffsetDateTime.now(clock)));
    }
}
