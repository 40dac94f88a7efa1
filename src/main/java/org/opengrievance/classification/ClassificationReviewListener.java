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

    static final String GRIEVANCE = "GRIEVANCE";
    static final String COMPLAINT = "COMPLAINT";
    static final String NOT_A_GRIEVANCE = "NOT_A_GRIEVANCE";
    /** the hospital's outcomes (CMS-HOSP-2) and the plan's (MA-1, 422.564(b)) */
    static final Set<String> HOSPITAL = Set.of(GRIEVANCE, COMPLAINT, NOT_A_GRIEVANCE);
    static final Set<String> PLAN = Set.of(GRIEVANCE, "COVERAGE_REQUEST", "APPEAL", "INQUIRY");
    /** outcomes with no response clock: choosing one over a suggestion with a clock takes a right away */
    static final Set<String> LESSER = Set.of(COMPLAINT, NOT_A_GRIEVANCE, "INQUIRY");
    static final Set<String> ROUTES = Set.of("PATIENT_FINANCIAL_SERVICES", "SURVEY_FEEDBACK", "INQUIRY");

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
        boolean plan = "PLAN".equals(task.getVariable(GrievanceProcess.CASE_OWNER));
        if (chosen == null || !(plan ? PLAN : HOSPITAL).contains(chosen.toString())) {
            throw Refusal.badField(GrievanceProcess.CLASSIFICATION, plan
                    ? "Choose a classification for a health plan: grievance, coverage request, appeal or inquiry."
                    : "Choose a classification for the hospital: grievance, complaint or not a grievance.");
        }
        String classification = chosen.toString();
        boolean overridden = !classification.equals(suggested);
        boolean downgrade = overridden && LESSER.contains(classification) && !LESSER.contains(suggested);
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
        if (COMPLAINT.equals(classification) && overridden) {
            cases.recordPointOfCare(caseNumber, pointOfCare(task, actor, now));
        }
        cases.saveRoute(caseNumber, NOT_A_GRIEVANCE.equals(classification) ? route(task) : null);
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

    /** Where a contact that is not a grievance goes: the suggestion's route unless the person chose another. */
    private static String route(DelegateTask task) {
        String route = text(task, GrievanceProcess.ROUTE);
        if (route == null || !ROUTES.contains(route)) {
            throw Refusal.badField(GrievanceProcess.ROUTE,
                    "Say where it goes: patient financial services, survey feedback or inquiry.");
        }
        return route;
    }

    /** The decision table's own sentence for its rule, or a general one when the rule gives none. */
    private static String fixedBecause(DelegateTask task) {
        String sentence = text(task, GrievanceProcess.CLASSIFICATION_OVERRIDE_REFUSAL);
        if (sentence != null) {
            return sentence;
        }
        Object rule = task.getVariable(GrievanceProcess.CLASSIFICATION_RULE);
        return "The rule behind this suggestion gives the complaint a response deadline"
                + (rule == null ? "" : " (" + rule + ")") + ": it cannot be changed to a complaint, a non-grievance or an inquiry.";
    }

    private static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
