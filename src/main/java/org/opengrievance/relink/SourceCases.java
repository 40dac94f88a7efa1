package org.opengrievance.relink;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.clock.ClockState;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.security.EngineAsSystem;
import org.springframework.stereotype.Component;

/** Reads the case a linked case comes from ({@link SourceCase}). */
@Component
class SourceCases {

    /** The intake's flags and codes that the models decide on and the case record does not hold. */
    static final List<String> INTAKE_FACTS = List.of("responseRequested", "abuseOrNeglect", "patientHarmOrCopIssue",
            "medicare489Billing", "subject", "requestedAction", "patientIdentified");

    private final GrievanceCaseRepository cases;
    private final CaseClocks clocks;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final EngineAsSystem system;

    SourceCases(GrievanceCaseRepository cases, CaseClocks clocks, HistoryService history, RuntimeService runtime,
            EngineAsSystem system) {
        this.cases = cases;
        this.clocks = clocks;
        this.history = history;
        this.runtime = runtime;
        this.system = system;
    }

    SourceCase require(String caseNumber) {
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        List<ClockState> all = clocks.of(caseNumber);
        Instant received = c.receivedAt().toInstant();
        // what the clocks count from: an earlier original receipt (a conversion), a later plan receipt (E11)
        Instant original = all.stream().map(ClockState::receivedAt).filter(t -> t.isBefore(received))
                .min(Comparator.naturalOrder()).orElse(received);
        Instant plan = all.stream().filter(k -> k.regime().isPlan()).map(ClockState::receivedAt)
                .filter(t -> t.isAfter(original)).max(Comparator.naturalOrder()).orElse(null);
        // the person may not read the first case's engine history; the new case needs its intake facts, and
        // they are shown to no one here
        return system.call(() -> new SourceCase(c, cases.contact(caseNumber), cases.requester(caseNumber),
                all.stream().map(k -> k.regime().name()).toList(), all.stream().anyMatch(k -> k.regime().isPlan()),
                original, plan, intakeFacts(c.processInstanceId()),
                runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).count() == 1));
    }

    private Map<String, Object> intakeFacts(String processInstanceId) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).variableNameIn(INTAKE_FACTS.toArray(String[]::new)).list()) {
            // the process's own variables, not a copy an activity kept locally
            if (processInstanceId.equals(v.getExecutionId())) {
                facts.put(v.getName(), v.getValue());
            }
        }
        return facts;
    }
}
