package org.opengrievance.export;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.clock.ExpediteTrigger;
import org.opengrievance.clock.Requester;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.regime.Regime;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.MutableClock;

/**
 * Drives the known cases of the export tests through the engine, each step at its own instant: the engine's
 * clock and the application's are moved together (as ClockProcessTests do). Every letter goes by mail, so
 * staff confirm each mailing date. Requires {@code AbstractAssertions.init(engine)}.
 */
final class ExportCases {

    private final ProcessEngine engine;
    private final IntakeService intake;
    private final CaseClocks clocks;
    private final MutableClock appClock;

    ExportCases(ProcessEngine engine, IntakeService intake, CaseClocks clocks, MutableClock appClock) {
        this.engine = engine;
        this.intake = intake;
        this.clocks = clocks;
        this.appClock = appClock;
    }

    /** Both clocks to this instant (an ISO date-time with offset). */
    void at(String instant) {
        Instant t = OffsetDateTime.parse(instant).toInstant();
        ClockUtil.setCurrentTime(Date.from(t));
        appClock.set(t);
    }

    static IntakeRequest request(Channel channel, String receivedAt, String name, String complaint, ServiceArea area,
            List<Regime> regimes, ExpediteTrigger trigger, boolean qualityOfCare, String memberId) {
        return new IntakeRequest(channel, OffsetDateTime.parse(receivedAt), name, complaint, area, false, null,
                true, false, false, false, !regimes.contains(Regime.HOSPITAL_COP), "en", regimes,
                null, null, trigger, null, qualityOfCare, false, null, "1 Test Street, Springfield", memberId);
    }

    /** Logged at its receipt instant and confirmed as a grievance by intake staff. */
    ProcessInstance open(IntakeRequest request) {
        at(request.receivedAt().toString());
        String pid = intake.register(request).processInstanceId();
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pid).singleResult();
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));
        return pi;
    }

    /** Patient relations acknowledged receipt by phone at {@code instant} (an oral notification, no letter). */
    void acknowledgeOrally(ProcessInstance pi, String instant) {
        at(instant);
        CaseSteps.acknowledgeOrally(pi);
    }

    /** The department's findings and coding, then the draft of the resolution letter (to be mailed). */
    void investigateAndDraft(ProcessInstance pi, String group) {
        ProcessInstance investigation = calledProcessInstance("investigation", pi);
        assertThat(task("gatherFindings", investigation)).hasCandidateGroup(group);
        CaseSteps.investigate(pi, group);
        CaseSteps.draft(pi, "MAIL");
    }

    /** The director approves the resolution letter(s) at {@code instant}. */
    void approve(ProcessInstance pi, String instant) {
        at(instant);
        CaseSteps.approve(pi);
    }

    /** Staff mailed every letter waiting to be printed for {@code parent} on {@code mailedAt}; recorded a little later. */
    void mail(ProcessInstance parent, String mailedAt) {
        at(OffsetDateTime.parse(mailedAt).plusMinutes(5).toString());
        List<ProcessInstance> deliveries = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("letterDelivery").superProcessInstanceId(parent.getId()).active().list();
        org.assertj.core.api.Assertions.assertThat(deliveries).as("letters waiting to be mailed").isNotEmpty();
        for (ProcessInstance delivery : deliveries) {
            complete(task("printAndMailLetter", delivery), withVariables("mailedAt", mailedAt));
        }
    }

    /** An extension of the plan clock at {@code instant}; its written notice goes by mail, mailed on {@code mailedAt}. */
    void extend(ProcessInstance pi, Regime regime, Requester by, String instant, String mailedAt) {
        at(instant);
        clocks.extend(pi.getBusinessKey(), regime, by, 14, "Records from the treating physician are needed.",
                by == Requester.PLAN ? "The physician's notes of the visit" : null,
                by == Requester.PLAN ? "A decision on the full record can uphold the grievance" : null, "paula");
        ProcessInstance planClock = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("planClock").processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
        complete(task("sendExtensionNotice", planClock), withVariables("extensionNoticeSentVia", "MAIL"));
        mail(planClock, mailedAt);
    }

    /** Patient relations closes the grievance at {@code instant}. */
    void close(ProcessInstance pi, String instant) {
        at(instant);
        assertThat(pi).isWaitingAt("closeGrievance");
        complete(task("closeGrievance", pi), withVariables("closureReason", "RESOLVED"));
        assertThat(pi).isEnded();
    }
}
