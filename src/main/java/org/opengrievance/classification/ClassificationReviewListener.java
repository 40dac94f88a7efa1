package org.opengrievance.classification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.ClassificationEvent;
import org.opengrievance.grievance.GrievanceCaseRepository;
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
        String suggested = (String) task.getVariable("suggestedClassification");
        Object chosen = task.getVariable("classification");
        if (chosen == null || !CLASSIFICATIONS.contains(chosen.toString())) {
            throw new ProcessEngineException("Choose a classification: GRIEVANCE or COMPLAINT.");
        }
        String classification = chosen.toString();
        Object reason = task.getVariable("overrideReason");
        boolean overridden = !classification.equals(suggested);
        if (overridden && (reason == null || reason.toString().isBlank())) {
            throw new ProcessEngineException(
                    "Give a reason for overriding the suggested classification " + suggested + ".");
        }
        String actor = Actors.of(task);
        cases.recordClassification((String) task.getVariable("caseNumber"), new ClassificationEvent(
                overridden ? ClassificationEvent.Kind.OVERRIDDEN : ClassificationEvent.Kind.CONFIRMED,
                classification,
                overridden ? reason.toString() : "Confirmed: " + task.getVariable("classificationReason"),
                overridden ? null : (String) task.getVariable("classificationRule"),
                actor, OffsetDateTime.now(clock)));
    }
}
