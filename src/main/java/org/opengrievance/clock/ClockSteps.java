package org.opengrievance.clock;

import static org.opengrievance.clock.ClockDisplay.display;
import static org.opengrievance.clock.ClockDisplay.iso;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Component;

/**
 * What the service tasks of the clock processes do (wired to their bean names in {@link ClockDelegates}), and
 * the main process's {@code stopClocks}. The clock process's {@link ClockProcess#REGIME} names its clock.
 */
@Component
class ClockSteps {

    /** The Tasklist priority a reminder gives the case's open tasks (the default is 50). */
    static final int REMINDER_PRIORITY = 80;
    /** The director reviews a missed deadline within a day. */
    static final Duration LATE_REVIEW_WITHIN = Duration.ofHours(24);

    private final DeadlinePolicies policies;
    private final CaseClockRepository clocks;
    private final CaseDueDates dueDates;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;

    ClockSteps(DeadlinePolicies policies, CaseClockRepository clocks, CaseDueDates dueDates, RuntimeService runtime,
            TaskService tasks, Clock clock) {
        this.policies = policies;
        this.clocks = clocks;
        this.dueDates = dueDates;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** startClock / recomputeClock: put the clock's instants on the clock process as timer dates. */
    void publish(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        Regime regime = regime(execution);
        ClockState state = clocks.require(caseNumber, regime);
        ClockService.Timers timers = ClockService.timers(state, policies.require(regime, state.kind()));
        ZoneId zone = state.zone();
        Map<String, Object> vars = new HashMap<>();
        vars.put(ClockProcess.REMINDER_AT, iso(timers.reminderAt(), zone));
        vars.put(ClockProcess.ESCALATION_AT, iso(timers.escalationAt(), zone));
        vars.put(ClockProcess.BINDING_DUE_AT, iso(timers.bindingDueAt(), zone));
        vars.put(ClockProcess.BINDING_DUE_DISPLAY, display(timers.bindingDueAt(), zone));
        vars.put(ClockProcess.INTERIM_NOTICE_AT, iso(timers.interimNoticeAt(), zone));
        vars.put(ClockProcess.INTERIM_NOTICE_DUE_AT, iso(timers.interimNoticeDueAt(), zone));
        vars.put(ClockProcess.FOLLOW_UP_DUE_DISPLAY, display(state.followUpDueAt(), zone));
        vars.put(ClockProcess.EXTENSION_NOTICE_DUE_AT, iso(state.extensionNoticeDueAt(), zone));
        vars.put(ClockProcess.EXTENSION_REASON, state.extensionReason());
        vars.put(ClockProcess.LATE, state.late());
        vars.put(ClockProcess.LATE_AT_DISPLAY, display(state.lateAt(), zone));
        vars.put(ClockProcess.RESPONSE_DUE_DISPLAY, display(timers.bindingDueAt(), zone));
        execution.setVariables(vars);
        clocks.event(caseNumber, regime, ClockEventKind.TIMERS_SET, "binding " + iso(timers.bindingDueAt(), zone),
                null, now());
    }

    /** remindAssignees: open tasks of the case move up in Tasklist (priority) and the reminder is recorded. */
    void remind(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list()) {
            if (t.getPriority() < REMINDER_PRIORITY && !t.getProcessInstanceId().equals(execution.getProcessInstanceId())) {
                tasks.setPriority(t.getId(), REMINDER_PRIORITY);
            }
        }
        clocks.event(caseNumber, regime(execution), ClockEventKind.REMINDER,
                "open tasks raised to priority " + REMINDER_PRIORITY, null, now());
    }

    /**
     * bindFollowUpDate: the interim notice went out; its stated date binds. The clock takes its recompute path
     * (the model's {@code deadlineChanged}), which re-arms reminder, escalation and breach for the new date.
     */
    void bindFollowUp(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        Regime regime = regime(execution);
        ClockState state = ClockService.interimSent(clocks.require(caseNumber, regime), now());
        clocks.update(caseNumber, state);
        clocks.event(caseNumber, regime, ClockEventKind.INTERIM_SENT, "follow-up date binding: "
                + iso(state.followUpDueAt(), state.zone()), null, now());
        runtime.createMessageCorrelation(ClockProcess.RECOMPUTE_MESSAGE)
                .processInstanceId(execution.getProcessInstanceId()).correlateAll();
        dueDates.sync(caseNumber);
    }

    /** recordBreach: the binding deadline passed with no response; the case is late from that instant. */
    void breach(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        Regime regime = regime(execution);
        ClockState state = ClockService.breached(clocks.require(caseNumber, regime));
        clocks.update(caseNumber, state);
        clocks.event(caseNumber, regime, ClockEventKind.BREACHED, "late since " + iso(state.lateAt(), state.zone()),
                null, now());
        execution.setVariable(ClockProcess.LATE, true);
        execution.setVariable(ClockProcess.LATE_AT_DISPLAY, display(state.lateAt(), state.zone()));
        execution.setVariable(ClockProcess.LATE_REVIEW_DUE_AT, Date.from(now().plus(LATE_REVIEW_WITHIN)));
    }

    /** stopClocks (main process): the response went out or the case was withdrawn; no clock of it fires again. */
    void stopAll(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        for (ClockState c : clocks.findAll(caseNumber)) {
            if (c.stoppedAt() == null) {
                clocks.update(caseNumber, ClockService.stopped(c, now()));
                clocks.event(caseNumber, c.regime(), ClockEventKind.STOPPED, null, null, now());
            }
        }
        runtime.createMessageCorrelation(ClockProcess.STOP_MESSAGE).processInstanceBusinessKey(caseNumber)
                .correlateAll();
    }

    private static Regime regime(DelegateExecution execution) {
        return Regime.valueOf((String) execution.getVariable(ClockProcess.REGIME));
    }

    private Instant now() {
        return clock.instant();
    }
}
