package org.opengrievance.discharge;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.Patients;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.GrievanceAppTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E4, CMS-HOSP-4: a grievance that says the discharge is too early also gives case management a task about the
 * Medicare discharge appeal right (the expedited QIO review asked for by midnight of the day of discharge), due at
 * the end of the receipt day in the facility's zone; a grievance without the flag has none; the grievance closes
 * only once case management recorded what they did.
 */
@GrievanceAppTest
class DischargeAppealTests {

    @Autowired ProcessEngine engine;
    @Autowired IntakeService intake;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    ProcessInstance grievance(String receivedAt, boolean prematureDischarge) {
        IntakeRequest r = new IntakeRequest(Channel.PHONE, OffsetDateTime.parse(receivedAt), Patients.unique(),
                "They want me to go home today but I still cannot walk to the bathroom.", ServiceArea.PHYSICIAN, false,
                null, true, false, false, false, true, "en", null, null, null, null, null, false, prematureDischarge,
                null, null, null);
        GrievanceCase c = intake.register(r);
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));
        return pi;
    }

    static Date instant(String isoWithOffset) {
        return Date.from(OffsetDateTime.parse(isoWithOffset).toInstant());
    }

    @Test
    void aPrematureDischargeGrievanceGivesCaseManagementATaskDueAtTheEndOfTheReceiptDay() {
        ProcessInstance pi = grievance("2026-12-10T09:15:00-06:00", true);

        assertThat(pi).isWaitingAt("acknowledgeReceipt", "informDischargeAppealRight");
        Task t = task("informDischargeAppealRight", pi);
        assertThat(t).hasCandidateGroup("case-management").isNotAssigned()
                .hasName("Tell the patient of the Medicare discharge appeal right today · " + pi.getBusinessKey());
        // 23:59:59.999 on 10 December in Chicago, the millisecond before the midnight the QIO review must beat
        org.assertj.core.api.Assertions.assertThat(t.getDueDate()).isEqualTo(instant("2026-12-10T23:59:59.999-06:00"));
        org.assertj.core.api.Assertions.assertThat(engine.getFormService().getTaskFormData(t.getId())
                .getCamundaFormRef().getKey()).isEqualTo("discharge-appeal-rights");
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId()))
                .extracting(l -> l.getGroupId()).containsExactly("case-management");
        // the flag itself stays in the case record; the process carries only the gateway's Boolean
        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(pi.getId(), "prematureDischarge"))
                .isNull();
        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(pi.getId(), "dischargeAppealReview"))
                .isEqualTo(true);
    }

    @Test
    void theReceiptDayIsTheFacilitysNotUtcs() {
        // 23:30 in Chicago on 4 December is already 5 December in UTC: the task is due the Chicago day's end
        ProcessInstance pi = grievance("2026-12-05T05:30:00Z", true);
        org.assertj.core.api.Assertions.assertThat(task("informDischargeAppealRight", pi).getDueDate())
                .isEqualTo(instant("2026-12-04T23:59:59.999-06:00"));
    }

    @Test
    void aGrievanceWithoutThePrematureDischargeFlagHasNoSuchTask() {
        ProcessInstance pi = grievance("2026-12-10T09:15:00-06:00", false);
        assertThat(pi).isWaitingAt("acknowledgeReceipt").isNotWaitingAt("informDischargeAppealRight")
                .hasPassed("dischargeAppealNeeded", "dischargeAppealMerge").hasNotPassed("informDischargeAppealRight");
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().createTaskQuery()
                .processInstanceId(pi.getId()).taskCandidateGroup("case-management").count()).isZero();
    }

    @Test
    void theGrievanceClosesOnlyAfterCaseManagementRecordedWhatTheyDid() {
        ProcessInstance pi = grievance("2026-12-10T09:15:00-06:00", true);
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-medical-staff");
        CaseSteps.draft(pi, "MAIL");
        CaseSteps.approve(pi);
        CaseSteps.confirmMailing(pi);
        assertThat(pi).isWaitingAt("informDischargeAppealRight", "grievanceJoin").isNotWaitingAt("closeGrievance");

        complete(task("informDischargeAppealRight", pi), withVariables("dischargeAppealAction", "QIO_REVIEW_REQUESTED",
                "dischargeAppealNote", "IM notice re-explained at 10:05; the patient called the QIO at 10:20."));
        assertThat(pi).isWaitingAt("closeGrievance").hasPassed("informDischargeAppealRight");
        complete(task("closeGrievance", pi), withVariables("closureReason", "RESOLVED"));
        assertThat(pi).isEnded();
    }
}
