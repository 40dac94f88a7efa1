package org.opengrievance.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseService;
import org.opengrievance.grievance.ClassificationEvent;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path through processes/grievance.bpmn and investigation.bpmn, on the application's own engine. */
@GrievanceAppTest
class GrievanceProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired java.time.Clock clock;
    @Autowired IntakeService intake;
    @Autowired GrievanceCaseService caseService;
    @Autowired GrievanceCaseRepository cases;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    ProcessInstance start(org.opengrievance.intake.IntakeRequest request) {
        GrievanceCase c = intake.register(request);
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
    }

    GrievanceCase record(ProcessInstance pi) {
        return cases.findByProcessInstanceId(pi.getId()).orElseThrow();
    }

    void confirm(ProcessInstance pi, String classification) {
        assertThat(pi).isWaitingAt("confirmClassification");
        complete(task("confirmClassification", pi), withVariables("classification", classification));
    }

    /** Acknowledge, investigate in the routed department and draft: the process then waits for approval. */
    void respondUpToApproval(ProcessInstance pi, String expectedGroup) {
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, expectedGroup);
        CaseSteps.draft(pi, "MAIL");
        assertThat(pi).isWaitingAt("approveResponse");
    }

    void approveSendAndClose(ProcessInstance pi, String closureReason) {
        CaseSteps.approveMailAndClose(pi, closureReason);
    }

    @Test
    void complaintResolvedAtPointOfCareIsRecordedAndClosed() {
        ProcessInstance pi = start(Intakes.verbalResolved());
        assertThat(pi).hasVariables("suggestedClassification").variables()
                .containsEntry("suggestedClassification", "COMPLAINT")
                .containsEntry("classificationRule", "CMS-HOSP-2(a)");
        confirm(pi, "COMPLAINT");
        assertThat(pi).isEnded().hasPassed("stopClocksComplaint", "closeComplaint", "complaintClosed")
                .hasNotPassed("acknowledgeReceipt");
        GrievanceCase c = record(pi);
        org.assertj.core.api.Assertions.assertThat(c.status()).isEqualTo("CLOSED");
        org.assertj.core.api.Assertions.assertThat(c.closureReason()).isEqualTo("RESOLVED_AT_POINT_OF_CARE");
    }

    @Test
    void grievanceRunsFromIntakeToClosureWithEveryTaskDueAtTheResponseDeadline() {
        ProcessInstance pi = start(Intakes.written(Channel.LETTER, ServiceArea.NURSING));
        String caseNumber = record(pi).caseNumber();
        assertThat(pi).hasBusinessKey(caseNumber);
        assertThat(task("confirmClassification", pi)).hasCandidateGroup("intake")
                .hasDueDate(Date.from(Intakes.DUE.toInstant()));
        org.assertj.core.api.Assertions.assertThat(task("confirmClassification", pi).getName()).contains(caseNumber);
        confirm(pi, "GRIEVANCE");
        assertThat(pi).isWaitingAt("acknowledgeReceipt").isNotWaitingAt("reviewAbuseAllegation")
                .hasPassed("abuseAlleged", "abuseMerge");
        assertThat(task("acknowledgeReceipt", pi)).hasCandidateGroup("patient-relations")
                .hasDueDate(Date.from(Intakes.DUE.toInstant()));
        respondUpToApproval(pi, "investigators-nursing");
        approveSendAndClose(pi, "RESOLVED");
        assertThat(pi).isEnded().hasPassedInOrder("registerCase", "classifyComplaint", "confirmClassification",
                "acknowledgeReceipt", "recordOralAcknowledgement", "investigate", "draftResponse", "approveResponse",
                "sendResolutionLetter", "stopClocks", "closeGrievance", "recordClosure", "grievanceClosed");
        GrievanceCase c = record(pi);
        org.assertj.core.api.Assertions.assertThat(c.status()).isEqualTo("CLOSED");
        org.assertj.core.api.Assertions.assertThat(c.closureReason()).isEqualTo("RESOLVED");
    }

    @Test
    void directorSendsTheDraftBackForChanges() {
        ProcessInstance pi = start(Intakes.written(Channel.EMAIL, ServiceArea.DIETARY));
        confirm(pi, "GRIEVANCE");
        respondUpToApproval(pi, "investigators-support-services");
        complete(task("approveResponse", pi), withVariables("approvalDecision", "SEND_BACK",
                "approvalComment", "Name the steps taken."));
        assertThat(pi).isWaitingAt("draftResponse");
        org.assertj.core.api.Assertions.assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId()).activityId("draftResponse").count()).isEqualTo(2);
        CaseSteps.draft(pi, "MAIL");
        approveSendAndClose(pi, "RESOLVED");
        assertThat(pi).isEnded().hasPassed("grievanceClosed");
    }

    @Test
    void abuseAllegationRaisesAnImmediateDirectorReviewThatTheCaseCannotCloseWithout() {
        ProcessInstance pi = start(Intakes.abuseAllegation());
        confirm(pi, "GRIEVANCE");
        assertThat(pi).isWaitingAt("acknowledgeReceipt", "reviewAbuseAllegation");
        Task review = task("reviewAbuseAllegation", pi);
        assertThat(review).hasCandidateGroup("pr-director");
        Date abuseDue = (Date) engine.getRuntimeService().getVariable(pi.getId(), "abuseReviewDueAt");
        assertThat(review).hasDueDate(abuseDue);
        // "immediately": the facility's abuse-review-hours (4) in real hours from intake, the test clock's now
        org.assertj.core.api.Assertions.assertThat(abuseDue.toInstant())
                .isEqualTo(clock.instant().plus(java.time.Duration.ofHours(4)));
        // routed to risk management, not nursing, because abuse is alleged
        respondUpToApproval(pi, "investigators-risk-management");
        CaseSteps.approve(pi);
        CaseSteps.confirmMailing(pi);
        // the response branch waits at the join: closing is not offered until the review is done
        assertThat(pi).isWaitingAt("reviewAbuseAllegation", "grievanceJoin").isNotWaitingAt("closeGrievance");
        complete(review, withVariables("protectiveActions", "Aide removed from patient contact.", "stateReportFiled", true));
        complete(task("closeGrievance", pi), withVariables("closureReason", "RESOLVED"));
        assertThat(pi).isEnded().hasPassed("reviewAbuseAllegation", "grievanceClosed");
    }

    @Test
    void personOverridesTheSuggestedClassificationOnlyWithAReason() {
        ProcessInstance pi = start(Intakes.verbalResolved());
        Task confirm = task("confirmClassification", pi);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                complete(confirm, withVariables("classification", "GRIEVANCE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("reason");
        assertThat(pi).isWaitingAt("confirmClassification");
        complete(confirm, withVariables("classification", "GRIEVANCE",
                "overrideReason", "Patient called back and asked for a written answer."));
        assertThat(pi).isWaitingAt("acknowledgeReceipt");
        List<ClassificationEvent> trail = cases.classificationHistory(record(pi).caseNumber());
        org.assertj.core.api.Assertions.assertThat(trail).extracting(ClassificationEvent::kind)
                .containsExactly(ClassificationEvent.Kind.SUGGESTED, ClassificationEvent.Kind.OVERRIDDEN);
        org.assertj.core.api.Assertions.assertThat(trail.get(1).reason()).contains("written answer");
        org.assertj.core.api.Assertions.assertThat(record(pi).classification()).isEqualTo("GRIEVANCE");
    }

    @Test
    void withdrawalStopsTheResponseAndClosesTheCaseAsWithdrawn() {
        ProcessInstance pi = start(Intakes.written(Channel.LETTER, ServiceArea.BILLING));
        confirm(pi, "GRIEVANCE");
        CaseSteps.acknowledgeOrally(pi);
        caseService.withdraw(record(pi).caseNumber(), "Patient phoned to withdraw on 2026-12-06.");
        assertThat(pi).isEnded().hasPassed("withdrawalReceived", "recordWithdrawnClosure", "grievanceWithdrawn")
                .hasNotPassed("draftResponse");
        GrievanceCase c = record(pi);
        org.assertj.core.api.Assertions.assertThat(c.closureReason()).isEqualTo("WITHDRAWN");
        org.assertj.core.api.Assertions.assertThat(c.closureNote()).contains("withdraw");
    }

    @Test
    void withdrawalDoesNotEndAnOpenAbuseReview() {
        ProcessInstance pi = start(Intakes.abuseAllegation());
        confirm(pi, "GRIEVANCE");
        caseService.withdraw(record(pi).caseNumber(), "Family withdrew the complaint.");
        assertThat(pi).isWaitingAt("continueAbuseReview").isNotWaitingAt("acknowledgeReceipt", "reviewAbuseAllegation")
                .isNotEnded();
        complete(task("continueAbuseReview", pi), withVariables("protectiveActions", "Aide suspended pending review."));
        assertThat(pi).isEnded().hasPassed("grievanceWithdrawn");
    }

    @Test
    void closingUnsatisfiedRequiresTheEffortsToBeDocumented() {
        ProcessInstance pi = start(Intakes.written(Channel.FAX, ServiceArea.OTHER));
        confirm(pi, "GRIEVANCE");
        respondUpToApproval(pi, "investigators-patient-relations");
        CaseSteps.approve(pi);
        CaseSteps.confirmMailing(pi);
        Task close = task("closeGrievance", pi);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                complete(close, withVariables("closureReason", "CLOSED_UNSATISFIED")))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasRootCauseInstanceOf(org.opengrievance.refusal.Refusal.class).hasMessageContaining("efforts");
        complete(close, withVariables("closureReason", "CLOSED_UNSATISFIED",
                "closureEffortsNote", "Two meetings with the patient; offered a meal plan review."));
        assertThat(pi).isEnded();
        org.assertj.core.api.Assertions.assertThat(record(pi).closureReason()).isEqualTo("CLOSED_UNSATISFIED");
    }
}
