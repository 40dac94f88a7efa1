package org.opengrievance.classification;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.ClassificationEvent;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code confirmClassification} (after the decision's output mapping has run): writes what the decision table suggested, and why, to the
 * case record and its classification trail (the DMN evaluation itself is in the engine's history too).
 */
@Component("recordClassification")
class ClassificationRecorder implements ExecutionListener {

    private final GrievanceCaseRepository cases;
    private final Clock clock;

    ClassificationRecorder(GrievanceCaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        cases.recordClassification(caseNumber, new ClassificationEvent(ClassificationEvent.Kind.SUGGESTED,
                (String) execution.getVariable(GrievanceProcess.SUGGESTED_CLASSIFICATION),
                (String) execution.getVariable(GrievanceProcess.CLASSIFICATION_REASON),
                (String) execution.getVariable(GrievanceProcess.CLASSIFICATION_RULE),
                "decision:GrievanceClassification", OffsetDateTime.now(clock)));
        // the decision's raw result map has been copied into primitive variables; keep no object variable
        execution.removeVariable(GrievanceProcess.CLASSIFICATION_RESULT);
    }
}
