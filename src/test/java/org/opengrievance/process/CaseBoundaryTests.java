package org.opengrievance.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.ClassificationEvent;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A case changes only through its own process: its steps find it by the business key, called processes get
 * what their tasks need and give back only their results, and the person recorded is the one signed in.
 */
@GrievanceAppTest
class CaseBoundaryTests {

    @Autowired ProcessEngine engine;
    @Autowired IntakeService intake;
    @Autowired GrievanceCaseRepository cases;
    @Autowired IdentityService identity;
    @Autowired TestUsers users;

    @BeforeEach
    void init() {
        users.ensureCreated();
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        AbstractAssertions.reset();
    }

    ProcessInstance start(IntakeRequest request) {
        GrievanceCase c = intake.register(request);
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
    }

    GrievanceCase record(ProcessInstance pi) {
        return cases.findByProcessInstanceId(pi.getId()).orElseThrow();
    }

    /** Completes the task as that user would through Tasklist or engine-rest: signed in, claimed, submitted. */
    void completeAs(Role role, Task task, Map<String, Object> variables) {
        identity.setAuthentication(role.userId(), role.groups());
        try {
            engine.getTaskService().claim(task.getId(), role.userId());
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void aTaskCompletedWithAnotherCasesNumberChangesOnlyItsOwnCase() {
        ProcessInstance own = start(Intakes.written(Channel.LETTER, ServiceArea.NURSING));
        ProcessInstance other = start(Intakes.written(Channel.LETTER, ServiceArea.NURSING));
        String otherNumber = record(other).caseNumber();

        // the classification trail: the confirmation goes to this case, not to the number submitted
        completeAs(Role.INTAKE, task("confirmClassification", own),
                Map.of("classification", "GRIEVANCE", "caseNumber", otherNumber));
        assertThat(cases.classificationHistory(otherNumber)).extracting(ClassificationEvent::kind)
                .containsExactly(ClassificationEvent.Kind.SUGGESTED);
        assertThat(cases.classificationHistory(record(own).caseNumber())).extracting(ClassificationEvent::kind)
                .containsExactly(ClassificationEvent.Kind.SUGGESTED, ClassificationEvent.Kind.CONFIRMED);

        CaseSteps.acknowledgeOrally(own);
        CaseSteps.investigate(own, "investigators-nursing");
        CaseSteps.draft(own, "MAIL");
        CaseSteps.approve(own);
        CaseSteps.confirmMailing(own);
        // closure: the probe's attack, a closing person naming the other case
        completeAs(Role.PATIENT_RELATIONS, task("closeGrievance", own),
                Map.of("closureReason", "RESOLVED", "caseNumber", otherNumber));

        BpmnAwareTests.assertThat(own).isEnded().hasPassed("recordClosure");
        assertThat(record(own).status()).isEqualTo(GrievanceCase.CLOSED);
        assertThat(record(own).closedBy()).isEqualTo(Role.PATIENT_RELATIONS.userId());
        GrievanceCase untouched = record(other);
        assertThat(untouched.status()).isEqualTo(GrievanceCase.OPEN);
        assertThat(untouched.closureReason()).isNull();
        BpmnAwareTests.assertThat(other).isNotEnded().isWaitingAt("confirmClassification");
    }

    @Test
    void onlyTheInvestigationsFindingsAndCodingReturnToTheGrievance() {
        IntakeRequest intake = Intakes.abuseAllegation();
        ProcessInstance pi = start(intake);
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));
        CaseSteps.acknowledgeOrally(pi);
        Date due = (Date) engine.getRuntimeService().getVariable(pi.getId(), "responseDueAt");
        ProcessInstance investigation = calledProcessInstance("investigation", pi);

        // the investigation receives what its forms, routing and due dates need, nothing else of the case
        Map<String, Object> received = engine.getRuntimeService().getVariables(investigation.getId());
        assertThat(received).containsKeys("caseNumber", "patientName", "complaintText", "responseDueAt",
                "responseDueDisplay", "serviceArea", "abuseOrNeglect", "issue1", "department");
        assertThat(received).doesNotContainKeys("channel", "receivedAt", "preferredLanguage", "emailOnFile",
                "facilityName", "regimes", "classification", "abuseReviewDueAt", "initiator");

        complete(task("gatherFindings", investigation), withVariables("findings", "The aide was reassigned.",
                "stepsTaken", "Interviewed the night shift.", "issue1", "Aide slapped the patient",
                "issue2", "Night staff did not answer"));
        // the probe: the investigator's form submits case data as well as its coding
        Map<String, Object> coding = new HashMap<>(Map.of("hcatCategory", "RELATIONSHIPS", "hcatSeverity", "3",
                "harmLevel", "2"));
        coding.putAll(Map.of("patientName", "Someone Else", "complaintText", "Nothing happened.",
                "responseDueAt", Date.from(java.time.Instant.parse("2099-01-01T00:00:00Z")),
                "abuseOrNeglect", false, "classification", "COMPLAINT", "closureReason", "RESOLVED"));
        complete(task("codeIssue", investigation), coding);

        Map<String, Object> after = engine.getRuntimeService().getVariables(pi.getId());
        assertThat(after).containsEntry("patientName", intake.patientName())
                .containsEntry("complaintText", "An aide slapped my mother at night.")
                .containsEntry("responseDueAt", due).containsEntry("abuseOrNeglect", true)
                .containsEntry("classification", "GRIEVANCE").doesNotContainKey("closureReason");
        assertThat(after).containsEntry("department", "risk-management")
                .containsEntry("findings", "The aide was reassigned.")
                .containsEntry("stepsTaken", "Interviewed the night shift.")
                .containsEntry("hcatCategory", "RELATIONSHIPS").containsEntry("hcatSeverity", "3")
                .containsEntry("harmLevel", "2").containsEntry("issue1", "Aide slapped the patient")
                .containsEntry("issue2", "Night staff did not answer");
        BpmnAwareTests.assertThat(pi).isWaitingAt("draftResponse", "reviewAbuseAllegation");
    }

    @Test
    void clockAndLetterProcessesCarryTheCaseNumberAndNoPatientText() {
        ProcessInstance pi = start(Intakes.written(Channel.LETTER, ServiceArea.DIETARY));
        String caseNumber = record(pi).caseNumber();
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));

        ProcessInstance clock = processInstanceQuery().processDefinitionKey("hospitalClock")
                .processInstanceBusinessKey(caseNumber).singleResult();
        assertThat(clock).as("the hospital clock of the case").isNotNull();
        Map<String, Object> clockVariables = engine.getRuntimeService().getVariables(clock.getId());
        assertThat(clockVariables).containsEntry("caseNumber", caseNumber).containsKeys("bindingDueAt", "regime")
                .doesNotContainKeys("patientName", "complaintText");

        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-support-services");
        CaseSteps.draft(pi, "MAIL");
        CaseSteps.approve(pi);
        ProcessInstance delivery = processInstanceQuery().processDefinitionKey("letterDelivery")
                .superProcessInstanceId(pi.getId()).active().singleResult();
        assertThat(delivery.getBusinessKey()).isEqualTo(caseNumber);
        assertThat(engine.getRuntimeService().getVariables(delivery.getId()))
                .containsEntry("caseNumber", caseNumber).containsKey("letterId")
                .doesNotContainKeys("patientName", "complaintText");
    }

    @Test
    void theCaseCreatorIsTheSignedInUserNotASubmittedInitiator() {
        Map<String, Object> start = new HashMap<>(Map.of("channel", "LETTER",
                "receivedAt", Intakes.RECEIVED.toString(), "patientName", Patients.unique(),
                "complaintText", "The meals arrived cold.", "serviceArea", "DIETARY"));
        start.put("initiator", Role.DIRECTOR.userId());
        identity.setAuthentication(Role.INTAKE.userId(), Role.INTAKE.groups());
        ProcessInstance pi;
        try {
            pi = engine.getRuntimeService().startProcessInstanceByKey("grievance", start);
        } finally {
            identity.clearAuthentication();
        }
        assertThat(record(pi).createdBy()).isEqualTo(Role.INTAKE.userId());
        assertThat(engine.getRuntimeService().getVariable(pi.getId(), "initiator")).isEqualTo(Role.INTAKE.userId());

        // the person who confirms is the one signed in, not the task's assignee
        Task confirm = task("confirmClassification", pi);
        engine.getTaskService().setAssignee(confirm.getId(), Role.DIRECTOR.userId());
        identity.setAuthentication(Role.INTAKE.userId(), Role.INTAKE.groups());
        try {
            engine.getTaskService().complete(confirm.getId(), Map.of("classification", "GRIEVANCE"));
        } finally {
            identity.clearAuthentication();
        }
        List<ClassificationEvent> trail = cases.classificationHistory(record(pi).caseNumber());
        assertThat(trail).extracting(ClassificationEvent::actor).last().isEqualTo(Role.INTAKE.userId());
    }
}
