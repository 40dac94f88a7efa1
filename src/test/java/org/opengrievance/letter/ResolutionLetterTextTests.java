package org.opengrievance.letter;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.refusal.Refusal;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The resolution letter is written for the patient (CMS-HOSP-8): patient relations' "What we did" text, which
 * starts as the investigator's steps taken, is what the PDF prints; the investigator's own words and the
 * findings stay internal; placeholder results are refused at the draft.
 */
@GrievanceAppTest
class ResolutionLetterTextTests {

    static final String INVESTIGATORS_STEPS = "Pulled roster 12/2, interviewed RN on 4W, checked the call-bell log.";
    static final String FINDINGS = "Internal finding: the 4W night roster was two aides short on 12/2.";
    static final String PATIENT_STEPS = "We spoke with the nurses on your unit and reviewed the call-bell records for that night.";

    @Autowired ProcessEngine engine;
    @Autowired IntakeService intake;
    @Autowired LetterService letters;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    /** A written grievance investigated with {@link #INVESTIGATORS_STEPS} and {@link #FINDINGS}, waiting at the draft. */
    ProcessInstance investigatedCase() {
        GrievanceCase c = intake.register(Intakes.written(Channel.LETTER, ServiceArea.NURSING));
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));
        CaseSteps.acknowledgeOrally(pi);
        ProcessInstance investigation = calledProcessInstance("investigation", pi);
        complete(task("gatherFindings", investigation), withVariables("findings", FINDINGS,
                "stepsTaken", INVESTIGATORS_STEPS, "issue1", "The call bell went unanswered"));
        complete(task("codeIssue", investigation),
                withVariables("hcatCategory", "QUALITY", "hcatSeverity", "2", "harmLevel", "0"));
        assertThat(pi).isWaitingAt("draftResponse");
        return pi;
    }

    @Test
    void theLetterPrintsWhatPatientRelationsWroteNotTheInvestigatorsWordsNorTheFindings() {
        ProcessInstance pi = investigatedCase();
        // the draft starts from the investigator's text, for patient relations to rewrite
        Assertions.assertThat(engine.getRuntimeService().getVariable(pi.getId(), "patientStepsText"))
                .isEqualTo(INVESTIGATORS_STEPS);

        complete(task("draftResponse", pi), withVariables(
                "answer1", "A nurse now answers every call bell within five minutes.",
                "patientStepsText", PATIENT_STEPS,
                "responseDraft", "Your concern was substantiated and night staffing on your unit was increased.",
                "contactPerson", "Paula Patient-Relations", "contactPhone", "(555) 010-0100", "responseChannel", "MAIL"));
        CaseSteps.approve(pi);

        Long letterId = (Long) engine.getRuntimeService().getVariable(pi.getId(), "resolutionLetterId");
        String pdf = PdfText.of(letters.pdf(letterId));
        Assertions.assertThat(pdf).contains(PATIENT_STEPS).doesNotContain(INVESTIGATORS_STEPS).doesNotContain(FINDINGS)
                .doesNotContain("4W night roster");
    }

    @Test
    void placeholderResultsAreRefusedWhenTheDraftIsCompleted() {
        ProcessInstance pi = investigatedCase();

        Assertions.assertThatThrownBy(() -> complete(task("draftResponse", pi), withVariables(
                "answer1", "A nurse now answers every call bell within five minutes.",
                "responseDraft", "x",
                "contactPerson", "Paula Patient-Relations", "contactPhone", "(555) 010-0100", "responseChannel", "MAIL")))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasRootCauseInstanceOf(Refusal.class)
                .hasRootCauseMessage("The resolution letter is missing the results of the grievance process written out for the "
                        + "patient (at least 15 characters, not a placeholder such as n/a or x).");
        assertThat(pi).isWaitingAt("draftResponse");
        Assertions.assertThat(letters.list(pi.getBusinessKey())).isEmpty();
    }
}
