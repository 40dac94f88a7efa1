package org.opengrievance.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * The steps staff take on a grievance, as Tasklist would submit them, for the process tests. Requires
 * {@code AbstractAssertions.init(engine)} in the test.
 */
public final class CaseSteps {

    private CaseSteps() {
    }

    /** Acknowledged by phone: recorded as an oral acknowledgement, no letter. */
    public static void acknowledgeOrally(ProcessInstance pi) {
        complete(task("acknowledgeReceipt", pi), withVariables("acknowledgedVia", "PHONE"));
    }

    /** The routed department investigates: findings, steps taken, one issue line, HCAT coding. */
    public static ProcessInstance investigate(ProcessInstance pi, String expectedGroup) {
        ProcessInstance investigation = calledProcessInstance("investigation", pi);
        assertThat(investigation).isWaitingAt("gatherFindings").hasBusinessKey(pi.getBusinessKey());
        assertThat(task("gatherFindings", investigation)).hasCandidateGroup(expectedGroup);
        complete(task("gatherFindings", investigation), withVariables(
                "findings", "Tray line delayed by a broken cart.", "stepsTaken", "Interviewed staff and the patient.",
                "issue1", "Meals arrived cold"));
        complete(task("codeIssue", investigation),
                withVariables("hcatCategory", "ENVIRONMENT", "hcatSeverity", "1", "harmLevel", "0"));
        assertThat(investigation).isEnded().hasPassed("routeToDepartment", "gatherFindings", "codeIssue");
        return investigation;
    }

    /** A draft with every element of the resolution letter, to be sent by {@code channel}. */
    public static void draft(ProcessInstance pi, String channel) {
        assertThat(pi).isWaitingAt("draftResponse");
        complete(task("draftResponse", pi), withVariables(
                "answer1", "We replaced the broken cart on the tray line.",
                "responseDraft", "Your concern was substantiated; the cart was replaced.",
                "contactPerson", "Paula Patient-Relations", "contactTitle", "Patient Relations Manager",
                "contactPhone", "(555) 010-0100", "responseChannel", channel));
    }

    public static void approve(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("approveResponse");
        assertThat(task("approveResponse", pi)).hasCandidateGroup("pr-director");
        complete(task("approveResponse", pi), withVariables("approvalDecision", "APPROVE"));
    }

    /** The letter went to the print queue: staff confirm the mailing date (the test clock's 2026-12-10 12:00 Chicago). */
    public static void confirmMailing(ProcessInstance parent) {
        confirmMailing(parent, "2026-12-10T12:00:00-06:00");
    }

    /** The same, mailed at {@code mailedAt} (not before the letter was approved, not in the future). */
    public static void confirmMailing(ProcessInstance parent, String mailedAt) {
        ProcessInstance delivery = processInstanceQuery().processDefinitionKey("letterDelivery")
                .superProcessInstanceId(parent.getId()).active().singleResult();
        assertThat(delivery).isWaitingAt("printAndMailLetter");
        assertThat(task("printAndMailLetter", delivery)).hasCandidateGroup("patient-relations");
        complete(task("printAndMailLetter", delivery), withVariables("mailedAt", mailedAt));
        assertThat(delivery).isEnded();
    }

    /** From approval to closure, with the resolution letter mailed. */
    public static void approveMailAndClose(ProcessInstance pi, String closureReason) {
        approve(pi);
        confirmMailing(pi);
        assertThat(pi).isWaitingAt("closeGrievance");
        complete(task("closeGrievance", pi), withVariables("closureReason", closureReason));
    }
}
