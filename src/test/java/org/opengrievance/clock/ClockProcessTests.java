package org.opengrievance.clock;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.regime.Regime;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.Patients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clock processes with the engine clock moved forward: reminder, escalation, interim notice and breach
 * fire at their instant and not a millisecond before; an extension moves them; a resolved case's never fire.
 */
@GrievanceAppTest
class ClockProcessTests {

    @Autowired ProcessEngine engine;
    @Autowired IntakeService intake;
    @Autowired GrievanceCaseRepository cases;
    @Autowired CaseClocks caseClocks;
    @Autowired CaseClockRepository clockRows;
    @Autowired MutableClock appClock;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-05T00:00:00Z")));
        appClock.set(Instant.parse("2026-12-05T00:00:00Z"));
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
        ClockUtil.reset();
        appClock.set(GrievanceAppTest.NOW);
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    /** Intake and confirmation: the grievance opens and its clocks start. */
    ProcessInstance openGrievance(IntakeRequest request) {
        GrievanceCase c = intake.register(request);
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));
        return pi;
    }

    ProcessInstance clockOf(ProcessInstance pi, String key) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
                .processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    }

    Job timer(ProcessInstance clock, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(clock.getId()).timers()
                .activityId(activityId).singleResult();
    }

    List<Job> executableTimers(ProcessInstance clock) {
        return engine.getManagementService().createJobQuery().processInstanceId(clock.getId()).timers()
                .executable().list();
    }

    void now(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
        appClock.set(instant);
    }

    @Test
    void hospitalReminderInterimNoticeAndBreachFireAtTheirInstantAndNotBefore() {
        ProcessInstance pi = openGrievance(Intakes.written(Channel.LETTER, ServiceArea.NURSING));
        ProcessInstance clock = clockOf(pi, "hospitalClock");
        assertThat(clock).isWaitingAt("clockRunning");
        Instant due = at("2026-12-11T23:59:59.999-06:00");
        Instant reminder = due.minusSeconds(72 * 3600);
        Instant interim = due.minusSeconds(48 * 3600);
        Instant escalation = due.minusSeconds(24 * 3600);
        org.assertj.core.api.Assertions.assertThat(timer(clock, "reminderTimer").getDuedate()).isEqualTo(Date.from(reminder));
        org.assertj.core.api.Assertions.assertThat(timer(clock, "interimNoticeTimer").getDuedate()).isEqualTo(Date.from(interim));
        org.assertj.core.api.Assertions.assertThat(timer(clock, "escalationTimer").getDuedate()).isEqualTo(Date.from(escalation));
        org.assertj.core.api.Assertions.assertThat(timer(clock, "breachTimer").getDuedate()).isEqualTo(Date.from(due));

        now(reminder.minusMillis(1));
        org.assertj.core.api.Assertions.assertThat(executableTimers(clock)).isEmpty();
        now(reminder);
        org.assertj.core.api.Assertions.assertThat(executableTimers(clock)).extracting(Job::getId)
                .containsExactly(timer(clock, "reminderTimer").getId());
        engine.getManagementService().executeJob(timer(clock, "reminderTimer").getId());
        org.assertj.core.api.Assertions.assertThat(task("acknowledgeReceipt", pi).getPriority())
                .isEqualTo(ClockSteps.REMINDER_PRIORITY);

        now(interim.minusMillis(1));
        org.assertj.core.api.Assertions.assertThat(executableTimers(clock)).isEmpty();
        now(interim);
        engine.getManagementService().executeJob(timer(clock, "interimNoticeTimer").getId());
        assertThat(clock).isWaitingAt("sendInterimNotice");
        assertThat(task("sendInterimNotice", clock)).hasCandidateGroup("patient-relations").hasDueDate(Date.from(due));
        complete(task("sendInterimNotice", clock), withVariables("interimNoticeSentVia", "MAIL"));
        // the interim letter goes to the print queue; the stated date binds once it is mailed
        org.assertj.core.api.Assertions.assertThat(timer(clock, "breachTimer").getDuedate()).isEqualTo(Date.from(due));
        CaseSteps.confirmMailing(clock, appClock.instant().toString());

        // CMS-HOSP-7: the follow-up date stated in the interim notice (receipt + 30 days) now binds
        Instant followUp = at("2027-01-03T23:59:59.999-06:00");
        org.assertj.core.api.Assertions.assertThat(timer(clock, "breachTimer").getDuedate()).isEqualTo(Date.from(followUp));
        org.assertj.core.api.Assertions.assertThat(timer(clock, "escalationTimer").getDuedate())
                .isEqualTo(Date.from(followUp.minusSeconds(24 * 3600)));
        org.assertj.core.api.Assertions.assertThat(task("acknowledgeReceipt", pi).getDueDate()).isEqualTo(Date.from(followUp));

        now(followUp.minusMillis(1));
        // the reminder re-armed for the follow-up date is due too (its edges: interimNoticeReArms...)
        org.assertj.core.api.Assertions.assertThat(executableTimers(clock)).extracting(Job::getId)
                .containsExactlyInAnyOrder(timer(clock, "escalationTimer").getId(), timer(clock, "reminderTimer").getId());
        engine.getManagementService().executeJob(timer(clock, "escalationTimer").getId());
        assertThat(task("reviewNearDeadline", clock)).hasCandidateGroup("pr-director");
        org.assertj.core.api.Assertions.assertThat(clockRows.find(pi.getBusinessKey(), Regime.HOSPITAL_COP).orElseThrow().late()).isFalse();

        now(followUp);
        engine.getManagementService().executeJob(timer(clock, "breachTimer").getId());
        ClockState late = clockRows.find(pi.getBusinessKey(), Regime.HOSPITAL_COP).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(late.late()).isTrue();
        org.assertj.core.api.Assertions.assertThat(late.lateAt()).isEqualTo(followUp);
        assertThat(task("reviewMissedDeadline", clock)).hasCandidateGroup("pr-director");
    }

    @Test
    void enrolleeExtensionMovesThePlanTimersAndNoStaleTimerRemains() {
        IntakeRequest ma = new IntakeRequest(Channel.PHONE, Intakes.RECEIVED, Patients.unique(), "Rude representative.",
                ServiceArea.OTHER, false, null, false, false, false, false, true, "en",
                List.of(Regime.MEDICARE_ADVANTAGE), null, null, null, null);
        ProcessInstance pi = openGrievance(ma);
        ProcessInstance clock = clockOf(pi, "planClock");
        Instant due = at("2027-01-03T23:59:59.999-06:00");
        org.assertj.core.api.Assertions.assertThat(timer(clock, "breachTimer").getDuedate()).isEqualTo(Date.from(due));

        now(at("2026-12-10T10:00:00-06:00"));
        caseClocks.extend(pi.getBusinessKey(), Regime.MEDICARE_ADVANTAGE, Requester.ENROLLEE, 14,
                "Enrollee is sending records", null, null, "paula");
        Instant extended = at("2027-01-17T23:59:59.999-06:00");
        List<Job> breachTimers = engine.getManagementService().createJobQuery().processInstanceId(clock.getId())
                .timers().activityId("breachTimer").list();
        org.assertj.core.api.Assertions.assertThat(breachTimers).extracting(Job::getDuedate).containsExactly(Date.from(extended));
        org.assertj.core.api.Assertions.assertThat(timer(clock, "reminderTimer").getDuedate())
                .isEqualTo(Date.from(extended.minusSeconds(120 * 3600)));
        // MA-4: the written extension notice is due at once (end of the decision day)
        assertThat(task("sendExtensionNotice", clock)).hasDueDate(Date.from(at("2026-12-10T23:59:59.999-06:00")));
        org.assertj.core.api.Assertions.assertThat(task("acknowledgeReceipt", pi).getDueDate()).isEqualTo(Date.from(extended));

        now(due);
        org.assertj.core.api.Assertions.assertThat(executableTimers(clock)).isEmpty();
    }

    @Test
    void resolvedCaseStopsItsClocksAndTheirTimersNeverFire() {
        ProcessInstance pi = openGrievance(Intakes.written(Channel.EMAIL, ServiceArea.DIETARY));
        String caseNumber = pi.getBusinessKey();
        ProcessInstance clock = clockOf(pi, "hospitalClock");
        org.assertj.core.api.Assertions.assertThat(engine.getManagementService().createJobQuery()
                .processInstanceId(clock.getId()).timers().count()).isEqualTo(4);
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-support-services");
        CaseSteps.draft(pi, "MAIL");
        CaseSteps.approve(pi);
        CaseSteps.confirmMailing(pi, appClock.instant().toString());

        assertThat(clock).isEnded();
        org.assertj.core.api.Assertions.assertThat(engine.getManagementService().createJobQuery().timers()
                .processInstanceId(clock.getId()).count()).isZero();
        // stopped when the letter was mailed, not merely marked stopped at some time
        org.assertj.core.api.Assertions.assertThat(clockRows.find(caseNumber, Regime.HOSPITAL_COP).orElseThrow().stoppedAt())
                .isEqualTo(appClock.instant());
        now(at("2027-02-01T00:00:00Z"));
        // (timers of a process start, like the monthly report's, belong to no instance)
        org.assertj.core.api.Assertions.assertThat(engine.getManagementService().createJobQuery().timers().executable()
                .list().stream().filter(j -> j.getProcessInstanceId() != null).toList()).noneMatch(j -> caseNumber.equals(engine.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()));
        assertThat(pi).isWaitingAt("closeGrievance");
    }

    /** How often the clock process went through an activity (remindAssignees, reviewNearDeadline, ...). */
    long passes(ProcessInstance clock, String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(clock.getId())
                .activityId(activityId).count();
    }

    void recompute(ProcessInstance clock) {
        engine.getRuntimeService().createMessageCorrelation(ClockProcess.RECOMPUTE_MESSAGE)
                .processInstanceId(clock.getId()).correlateAll();
    }

    void runExecutableTimers(ProcessInstance clock) {
        executableTimers(clock).forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }

    /** A hospital grievance received 2026-12-04 16:30 CT whose interim notice went out on 2026-12-10 00:00 CT. */
    ProcessInstance hospitalClockAfterTheInterimNotice(ProcessInstance pi) {
        ProcessInstance clock = clockOf(pi, "hospitalClock");
        Instant due = at("2026-12-11T23:59:59.999-06:00");
        now(due.minusSeconds(72 * 3600));
        engine.getManagementService().executeJob(timer(clock, "reminderTimer").getId());
        now(due.minusSeconds(48 * 3600));
        engine.getManagementService().executeJob(timer(clock, "interimNoticeTimer").getId());
        complete(task("sendInterimNotice", clock), withVariables("interimNoticeSentVia", "MAIL"));
        CaseSteps.confirmMailing(clock, appClock.instant().toString());
        return clock;
    }

    @Test
    void interimNoticeReArmsTheReminderEscalationAndBreachForTheBindingFollowUpDate() {
        // CMS-HOSP-7: the stated follow-up date binds, so its reminder is owed as the 7-day one was
        ProcessInstance pi = openGrievance(Intakes.written(Channel.LETTER, ServiceArea.NURSING));
        ProcessInstance clock = hospitalClockAfterTheInterimNotice(pi);
        org.assertj.core.api.Assertions.assertThat(passes(clock, "remindAssignees")).isEqualTo(1);
        Instant followUp = at("2027-01-03T23:59:59.999-06:00");
        Instant reminder = followUp.minusSeconds(72 * 3600);
        Instant escalation = followUp.minusSeconds(24 * 3600);
        org.assertj.core.api.Assertions.assertThat(timer(clock, "reminderTimer")).isNotNull();
        org.assertj.core.api.Assertions.assertThat(timer(clock, "reminderTimer").getDuedate()).isEqualTo(Date.from(reminder));
        org.assertj.core.api.Assertions.assertThat(timer(clock, "escalationTimer").getDuedate()).isEqualTo(Date.from(escalation));
        org.assertj.core.api.Assertions.assertThat(timer(clock, "breachTimer").getDuedate()).isEqualTo(Date.from(followUp));
        org.assertj.core.api.Assertions.assertThat(timer(clock, "interimNoticeTimer")).isNull();

        now(reminder.minusMillis(1));
        org.assertj.core.api.Assertions.assertThat(executableTimers(clock)).isEmpty();
        now(reminder);
        org.assertj.core.api.Assertions.assertThat(executableTimers(clock)).extracting(Job::getId)
                .containsExactly(timer(clock, "reminderTimer").getId());
        runExecutableTimers(clock);
        org.assertj.core.api.Assertions.assertThat(passes(clock, "remindAssignees")).isEqualTo(2);

        now(escalation.minusMillis(1));
        org.assertj.core.api.Assertions.assertThat(executableTimers(clock)).isEmpty();
        now(escalation);
        runExecutableTimers(clock);
        assertThat(task("reviewNearDeadline", clock)).hasCandidateGroup("pr-director");

        now(followUp.minusMillis(1));
        org.assertj.core.api.Assertions.assertThat(executableTimers(clock)).isEmpty();
        now(followUp);
        runExecutableTimers(clock);
        org.assertj.core.api.Assertions.assertThat(clockRows.find(pi.getBusinessKey(), Regime.HOSPITAL_COP).orElseThrow()
                .lateAt()).isEqualTo(followUp);
    }

    @Test
    void hospitalRecomputeAfterTheInterimNoticeKeepsTheFollowUpDateBinding() {
        ProcessInstance pi = openGrievance(Intakes.written(Channel.LETTER, ServiceArea.NURSING));
        ProcessInstance clock = hospitalClockAfterTheInterimNotice(pi);
        Instant followUp = at("2027-01-03T23:59:59.999-06:00");

        recompute(clock);

        assertThat(clock).isWaitingAt("clockRunning");
        org.assertj.core.api.Assertions.assertThat(timer(clock, "breachTimer").getDuedate()).isEqualTo(Date.from(followUp));
        org.assertj.core.api.Assertions.assertThat(timer(clock, "reminderTimer").getDuedate())
                .isEqualTo(Date.from(followUp.minusSeconds(72 * 3600)));
        // the interim notice went out once: a recompute never asks for it again
        org.assertj.core.api.Assertions.assertThat(timer(clock, "interimNoticeTimer")).isNull();
        now(followUp.minusMillis(1));
        runExecutableTimers(clock);
        org.assertj.core.api.Assertions.assertThat(passes(clock, "sendInterimNotice")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(clockRows.find(pi.getBusinessKey(), Regime.HOSPITAL_COP).orElseThrow()
                .late()).isFalse();
        now(followUp);
        org.assertj.core.api.Assertions.assertThat(executableTimers(clock)).extracting(Job::getId)
                .containsExactly(timer(clock, "breachTimer").getId());
    }

    @Test
    void recomputeNeverRemindsNorEscalatesTwiceForTheSameInstant() {
        IntakeRequest ma = new IntakeRequest(Channel.PHONE, Intakes.RECEIVED, Patients.unique(), "Rude representative.",
                ServiceArea.OTHER, false, null, false, false, false, false, true, "en",
                List.of(Regime.MEDICARE_ADVANTAGE), null, null, null, null);
        ProcessInstance pi = openGrievance(ma);
        ProcessInstance clock = clockOf(pi, "planClock");
        Instant reminder = timer(clock, "reminderTimer").getDuedate().toInstant();
        Instant escalation = timer(clock, "escalationTimer").getDuedate().toInstant();

        now(reminder);
        runExecutableTimers(clock);
        org.assertj.core.api.Assertions.assertThat(passes(clock, "remindAssignees")).isEqualTo(1);
        recompute(clock);
        runExecutableTimers(clock);
        org.assertj.core.api.Assertions.assertThat(passes(clock, "remindAssignees")).isEqualTo(1);

        // the escalation instant has not come: the recompute keeps it armed, not a millisecond early
        now(escalation.minusMillis(1));
        runExecutableTimers(clock);
        org.assertj.core.api.Assertions.assertThat(passes(clock, "reviewNearDeadline")).isZero();
        now(escalation);
        runExecutableTimers(clock);
        org.assertj.core.api.Assertions.assertThat(passes(clock, "reviewNearDeadline")).isEqualTo(1);
        recompute(clock);
        runExecutableTimers(clock);
        org.assertj.core.api.Assertions.assertThat(passes(clock, "reviewNearDeadline")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(passes(clock, "remindAssignees")).isEqualTo(1);
        assertThat(clock).isWaitingAt("clockRunning");
    }
}
