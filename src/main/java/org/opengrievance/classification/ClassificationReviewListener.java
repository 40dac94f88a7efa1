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
import org.opengrievance.grievance.PointOfCareResolution;
import org.opengrievance.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code confirmClassification}: a person confirms the suggestion, or overrides it
 * and must say why. The reason and the person go to the append-only classification trail.
 *
 * <p>An override may never make a grievance less than the rules allow (CMS-HOSP-2): whether a suggested
 * grievance may become a complaint at all is the decision table's column {@code classificationOverridable},
 * so the director keeps it next to the rule it belongs to. Only {@code true} allows it (an empty cell in a
 * new rule, or a case classified before the column existed, keeps the grievance). Where it is allowed, the
 * point-of-care facts CMS-HOSP-2(a) and (i) make it a complaint are required and go to the case record. The
 * form shows those fields only when they apply, so the gate cannot require them: this listener does.
 */
@Component("classificationReview")
class ClassificationReviewListener implements TaskListener {

    static final Set<String> CLASSIFICATIONS = Set.of("GRIEVANCE", "COMPLAINT");
    static final String GRIEVANCE = "GRIEVANCE";
    static final String COMPLAINT = "COMPLAINT";

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
        boolean overridden = !classification.equals(suggested);
        boolean downgrade = overridden && GRIEVANCE.equals(suggested) && COMPLAINT.equals(classification);
        if (downgrade && !Boolean.TRUE.equals(task.getVariable(GrievanceProcess.CLASSIFICATION_OVERRIDABLE))) {
            throw Refusal.conflict((String) task.getVariable(GrievanceProcess.CLASSIFICATION_RULE), fixedBecause(task));
        }
        String reason = text(task, GrievanceProcess.OVERRIDE_REASON);
        if (overridden && reason == null) {
            throw Refusal.badField(GrievanceProcess.OVERRIDE_REASON,
                    "Give a reason for overriding the suggested classification.");
        }
        String actor = Actors.of(task);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String caseNumber = CaseKey.of(task);
        if (downgrade) {
            cases.recordPointOfCare(caseNumber, pointOfCare(task, actor, now));
        }
        cases.recordClassification(caseNumber, new ClassificationEvent(
                overridden ? ClassificationEvent.Kind.OVERRIDDEN : ClassificationEvent.Kind.CONFIRMED,
                classification,
                overridden ? reason : "Confirmed: " + task.getVariable(GrievanceProcess.CLASSIFICATION_REASON),
                overridden ? null : (String) task.getVariable(GrievanceProcess.CLASSIFICATION_RULE),
                actor, now));
    }

    /** The facts that make a verbal grievance a complaint resolved at the point of care; refused when one is missing. */
    private static PointOfCareResolution pointOfCare(DelegateTask task, String actor, OffsetDateTime now) {
        String resolvedBy = text(task, GrievanceProcess.POINT_OF_CARE_RESOLVED_BY);
        if (resolvedBy == null) {
            throw Refusal.badField(GrievanceProcess.POINT_OF_CARE_RESOLVED_BY,
                    "Say who resolved the complaint at the time: the staff member present, with their role.");
        }
        String action = text(task, GrievanceProcess.POINT_OF_CARE_RESOLUTION);
        if (action == null) {
            throw Refusal.badField(GrievanceProcess.POINT_OF_CARE_RESOLUTION,
                    "Say what the staff present did to resolve the complaint at the time.");
        }
        if (!Boolean.TRUE.equals(task.getVariable(GrievanceProcess.POINT_OF_CARE_PATIENT_SATISFIED))) {
            throw Refusal.badField(GrievanceProcess.POINT_OF_CARE_PATIENT_SATISFIED,
                    "A complaint is resolved only when the patient is satisfied: if the patient was not, keep it a grievance.");
        }
        return new PointOfCareResolution(resolvedBy, action, true, actor, now);
    }

    /** The decision table's own sentence for its rule, or a general one when the rule gives none. */
    private static String fixedBecause(DelegateTask task) {
        String sentence = text(task, GrievanceProcess.CLASSIFICATION_OVERRIDE_REFUSAL);
        if (sentence != null) {
            return sentence;
        }
        Object rule = task.getVariable(GrievanceProcess.CLASSIFICATION_RULE);
        return "The rule behind this suggestion makes the complaint a grievance"
                + (rule == null ? "" : " (" + rule + ")") + ": it cannot be changed to a complaint.";
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
