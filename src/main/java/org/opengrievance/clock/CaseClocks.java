package org.opengrievance.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.config.PlanProperties;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.CaseStateException;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.regime.Regime;
import org.opengrievance.security.EngineAsSystem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clocks of a case: opened at intake, changed by events (extension, expedite, interim notice, breach,
 * stop), and handed to the clock processes ({@code hospitalClock}, {@code planClock}) as timer instants.
 * Bean name {@code caseClocks}: the main process asks it which clocks to run.
 */
@Service("caseClocks")
public class CaseClocks {

    public static final String STOP_MESSAGE = "ClockStop";
    public static final String RECOMPUTE_MESSAGE = "ClockRecompute";
    static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm (zzz)", Locale.US);
    static final int REMINDER_PRIORITY = 80;

    private final DeadlinePolicies policies;
    private final CaseClockRepository clocks;
    private final GrievanceCaseRepository cases;
    private final FacilityProperties facility;
    private final PlanProperties plan;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;
    private final EngineAsSystem system;

    CaseClocks(DeadlinePolicies policies, CaseClockRepository clocks, GrievanceCaseRepository cases,
            FacilityProperties facility, PlanProperties plan, RuntimeService runtime, TaskService tasks,
            Clock clock, EngineAsSystem system) {
        this.policies = policies;
        this.clocks = clocks;
        this.cases = cases;
        this.facility = facility;
        this.plan = plan;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
        this.system = system;
    }

    /** The clocks a new case opens, one per regime (not stored yet: the case row must exist first). */
    public List<ClockState> compute(ClockOpening in) {
        if (in.expediteTrigger() != null && !in.regimes().contains(in.expediteTrigger().regime())) {
            throw new ClockRuleException(in.expediteTrigger().regime().name(), "The expedite trigger "
                    + in.expediteTrigger() + " belongs to " + in.expediteTrigger().regime()
                    + ", which is not among the case's regimes.");
        }
        List<ClockState> opened = new ArrayList<>();
        for (Regime regime : in.regimes()) {
            boolean expedited = in.expediteTrigger() != null && in.expediteTrigger().regime() == regime;
            ClockPolicy policy = policies.require(regime, expedited ? ClockKind.EXPEDITED : ClockKind.STANDARD);
            if (expedited) {
                ClockService.checkTrigger(regime, in.expediteTrigger(), in.drugReceived(), policy.citation());
            }
            Instant counted = in.originalReceivedAt() != null ? in.originalReceivedAt() : in.receivedAt();
            if (regime.isPlan() && in.planReceivedAt() != null) {
                counted = in.planReceivedAt();
            }
            Instant converted = in.originalReceivedAt() != null ? in.receivedAt() : null;
            opened.add(ClockService.open(ClockService.stateLimited(policy, plan.stateLimitDays()), owner(regime), zone(regime), counted, converted,
                    facility.followUpDays(), expedited ? in.expediteTrigger() : null));
        }
        return opened;
    }

    /** Stores the clocks of a new case, with an OPENED event naming the rule and the decision version. */
    public void save(String caseNumber, List<ClockState> opened) {
        for (ClockState state : opened) {
            clocks.insert(caseNumber, state);
            ClockPolicy policy = policies.require(state.regime(), state.kind());
            clocks.event(caseNumber, state.regime(), "OPENED", state.policyCitation() + " from " + state.policySource()
                    + (ClockService.atRisk(state, policy) ? "; AT RISK: converted late (E2)" : ""), null, now());
        }
    }

    /** The regimes whose clocks the case runs: the collection of the main process's multi-instance call. */
    public List<String> regimesOf(String caseNumber) {
        return clocks.findAll(caseNumber).stream().map(c -> c.regime().name()).toList();
    }

    public List<ClockState> of(String caseNumber) {
        return clocks.findAll(caseNumber);
    }

    /** The earliest binding deadline of the case's clocks that still run: the due date of its tasks. */
    public static Optional<Instant> governing(List<ClockState> all) {
        return all.stream().filter(c -> c.stoppedAt() == null).map(ClockState::bindingDueAt)
                .min(Comparator.naturalOrder());
    }

    /** The reminder instant of the governing clock: the follow-up date of the case's tasks. */
    public Optional<Instant> followUp(List<ClockState> all) {
        return all.stream().filter(c -> c.stoppedAt() == null).min(Comparator.comparing(ClockState::bindingDueAt))
                .map(c -> ClockService.timers(c, policies.require(c.regime(), c.kind())).reminderAt());
    }

    @Transactional
    public ClockState extend(String caseNumber, Regime regime, Requester requester, int days, String reason,
            String informationNeeded, String enrolleeInterest, String actor) {
        ClockState current = require(caseNumber, regime);
        ClockPolicy policy = policies.require(regime, current.kind());
        ClockState extended = ClockService.extend(current, policy, requester, days, reason, informationNeeded,
                enrolleeInterest, now());
        clocks.update(caseNumber, extended);
        clocks.saveJustification(caseNumber, regime, informationNeeded, enrolleeInterest);
        clocks.event(caseNumber, regime, "EXTENDED", requester + " +" + days + " days: " + reason, actor, now());
        changed(caseNumber, regime);
        return extended;
    }

    @Transactional
    public ClockState expedite(String caseNumber, Regime regime, ExpediteTrigger trigger, Boolean drugReceived,
            String actor) {
        ClockState current = require(caseNumber, regime);
        ClockPolicy expedited = policies.require(regime, ClockKind.EXPEDITED);
        ClockState state = ClockService.expedite(current, expedited, trigger, drugReceived, now());
        clocks.update(caseNumber, state);
        clocks.event(caseNumber, regime, "EXPEDITED", trigger.name(), actor, now());
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).processDefinitionKey(GrievanceProcess.KEY)
                .list().forEach(pi -> runtime.setVariable(pi.getId(), "expedited", true));
        changed(caseNumber, regime);
        return state;
    }

    /** Tells the running clock process (if it has started) to recompute, and moves the case's task due dates. */
    private void changed(String caseNumber, Regime regime) {
        runtime.createMessageCorrelation(RECOMPUTE_MESSAGE).processInstanceBusinessKey(caseNumber)
                .processInstanceVariableEquals(ClockProcess.REGIME, regime.name()).correlateAll();
        // a consequence of a change the API allowed by role: every open task of the case moves, whoever's it is
        system.run(() -> syncCaseDueDates(caseNumber));
    }

    // ---- steps of the clock processes

    /** startClock / recomputeClock: put the clock's instants on the clock process as timer dates. */
    public void publish(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        Regime regime = Regime.valueOf((String) execution.getVariable(ClockProcess.REGIME));
        ClockState state = require(caseNumber, regime);
        ClockService.Timers timers = ClockService.timers(state, policies.require(regime, state.kind()));
        ZoneId zone = state.zone();
        Map<String, Object> vars = new java.util.HashMap<>();
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
        clocks.event(caseNumber, regime, "TIMERS_SET", "binding " + iso(timers.bindingDueAt(), zone), null, now());
    }

    /** remindAssignees: open tasks of the case move up in Tasklist (priority) and the reminder is recorded. */
    public void remind(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list()) {
            if (t.getPriority() < REMINDER_PRIORITY && !t.getProcessInstanceId().equals(execution.getProcessInstanceId())) {
                tasks.setPriority(t.getId(), REMINDER_PRIORITY);
            }
        }
        clocks.event(caseNumber, regime(execution), "REMINDER", "open tasks raised to priority " + REMINDER_PRIORITY,
                null, now());
    }

    /**
     * bindFollowUpDate: the interim notice went out; its stated date binds. The clock takes its recompute path
     * (the model's {@code deadlineChanged}), which re-arms reminder, escalation and breach for the new date.
     */
    public void bindFollowUp(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        Regime regime = regime(execution);
        ClockState state = ClockService.interimSent(require(caseNumber, regime), now());
        clocks.update(caseNumber, state);
        clocks.event(caseNumber, regime, "INTERIM_SENT", "follow-up date binding: "
                + iso(state.followUpDueAt(), state.zone()), null, now());
        runtime.createMessageCorrelation(RECOMPUTE_MESSAGE).processInstanceId(execution.getProcessInstanceId())
                .correlateAll();
        syncCaseDueDates(caseNumber);
    }

    /** recordBreach: the binding deadline passed with no response; the case is late from that instant. */
    public void breach(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        Regime regime = regime(execution);
        ClockState state = ClockService.breached(require(caseNumber, regime));
        clocks.update(caseNumber, state);
        clocks.event(caseNumber, regime, "BREACHED", "late since " + iso(state.lateAt(), state.zone()), null, now());
        execution.setVariable(ClockProcess.LATE, true);
        execution.setVariable(ClockProcess.LATE_AT_DISPLAY, display(state.lateAt(), state.zone()));
        execution.setVariable(ClockProcess.LATE_REVIEW_DUE_AT, Date.from(now().plus(java.time.Duration.ofHours(24))));
    }

    /** stopClocks: the response went out or the case was withdrawn; no clock of the case fires again. */
    public void stopAll(String caseNumber) {
        for (ClockState c : clocks.findAll(caseNumber)) {
            if (c.stoppedAt() == null) {
                clocks.update(caseNumber, ClockService.stopped(c, now()));
                clocks.event(caseNumber, c.regime(), "STOPPED", null, null, now());
            }
        }
        runtime.createMessageCorrelation(STOP_MESSAGE).processInstanceBusinessKey(caseNumber).correlateAll();
    }

    /** Moves the case's response deadline (process variable and open tasks that carried the old one). */
    void syncCaseDueDates(String caseNumber) {
        Optional<Instant> governing = governing(clocks.findAll(caseNumber));
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        if (governing.isEmpty()) {
            return;
        }
        Date newDue = Date.from(governing.get());
        ZoneId zone = ZoneId.of(c.facilityZone());
        Date oldDue = Date.from(c.responseDueAt().toInstant());
        cases.updateResponseDue(caseNumber, governing.get().atZone(zone).toOffsetDateTime());
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(pi -> {
            if (runtime.getVariable(pi.getId(), GrievanceProcess.RESPONSE_DUE_AT) != null) {
                runtime.setVariable(pi.getId(), GrievanceProcess.RESPONSE_DUE_AT, newDue);
                runtime.setVariable(pi.getId(), GrievanceProcess.RESPONSE_DUE_DISPLAY, display(governing.get(), zone));
            }
        });
        Date followUp = followUp(clocks.findAll(caseNumber)).map(Date::from).orElse(null);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(pi -> {
            if (runtime.getVariable(pi.getId(), GrievanceProcess.RESPONSE_FOLLOW_UP_AT) != null) {
                runtime.setVariable(pi.getId(), GrievanceProcess.RESPONSE_FOLLOW_UP_AT, followUp);
            }
        });
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list()) {
            if (oldDue.equals(t.getDueDate())) {
                t.setDueDate(newDue);
                t.setFollowUpDate(followUp);
                tasks.saveTask(t);
            }
        }
    }

    private ClockState require(String caseNumber, Regime regime) {
        return clocks.find(caseNumber, regime).orElseThrow(() -> new CaseStateException(
                "Case " + caseNumber + " has no " + regime + " clock."));
    }

    private String owner(Regime regime) {
        return regime.isPlan() ? plan.name() : facility.name();
    }

    private ZoneId zone(Regime regime) {
        return regime.isPlan() ? plan.zone() : facility.zone();
    }

    private static Regime regime(DelegateExecution execution) {
        return Regime.valueOf((String) execution.getVariable(ClockProcess.REGIME));
    }

    private Instant now() {
        return clock.instant();
    }

    public static String iso(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    public static String display(Instant instant, ZoneId zone) {
        return instant == null ? null : DISPLAY.format(instant.atZone(zone));
    }
}
