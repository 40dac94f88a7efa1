package org.opengrievance.clock;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.regime.Regime;
import org.opengrievance.security.EngineAsSystem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff may ask of a running clock through the API: an extension (MA-4, PD-1, MCD-6) or an expedite
 * (MA-7, PD-2). Each is stored with its event, then the clock process recomputes and the case's due dates move.
 */
@Service
public class ClockRequests {

    private final DeadlinePolicies policies;
    private final CaseClockRepository clocks;
    private final CaseDueDates dueDates;
    private final RuntimeService runtime;
    private final EngineAsSystem system;
    private final Clock clock;

    ClockRequests(DeadlinePolicies policies, CaseClockRepository clocks, CaseDueDates dueDates,
            RuntimeService runtime, EngineAsSystem system, Clock clock) {
        this.policies = policies;
        this.clocks = clocks;
        this.dueDates = dueDates;
        this.runtime = runtime;
        this.system = system;
        this.clock = clock;
    }

    @Transactional
    public ClockState extend(String caseNumber, Regime regime, Requester requester, int days, String reason,
            String informationNeeded, String enrolleeInterest, String actor) {
        ClockState current = clocks.require(caseNumber, regime);
        ClockPolicy policy = policies.require(regime, current.kind());
        ClockState extended = ClockService.extend(current, policy, requester, days, reason, informationNeeded,
                enrolleeInterest, now());
        clocks.update(caseNumber, extended);
        clocks.saveJustification(caseNumber, regime, informationNeeded, enrolleeInterest);
        clocks.event(caseNumber, regime, ClockEventKind.EXTENDED, requester + " +" + days + " days: " + reason, actor,
                now());
        changed(caseNumber, regime);
        return extended;
    }

    @Transactional
    public ClockState expedite(String caseNumber, Regime regime, ExpediteTrigger trigger, Boolean drugReceived,
            String actor) {
        ClockState current = clocks.require(caseNumber, regime);
        ClockPolicy expedited = policies.require(regime, ClockKind.EXPEDITED);
        ClockState state = ClockService.expedite(current, expedited, trigger, drugReceived, now());
        clocks.update(caseNumber, state);
        clocks.event(caseNumber, regime, ClockEventKind.EXPEDITED, trigger.name(), actor, now());
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(GrievanceProcess.KEY).list()
                .forEach(pi -> runtime.setVariable(pi.getId(), ClockProcess.GRIEVANCE_EXPEDITED, true));
        changed(caseNumber, regime);
        return state;
    }

    /** Tells the running clock process (if it has started) to recompute, and moves the case's task due dates. */
    private void changed(String caseNumber, Regime regime) {
        runtime.createMessageCorrelation(ClockProcess.RECOMPUTE_MESSAGE).processInstanceBusinessKey(caseNumber)
                .processInstanceVariableEquals(ClockProcess.REGIME, regime.name()).correlateAll();
        // a consequence of a change the API allowed by role: every open task of the case moves, whoever's it is
        system.run(() -> dueDates.sync(caseNumber));
    }

    private Instant now() {
        return clock.instant();
    }
}
