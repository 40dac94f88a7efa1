package org.opengrievance.whatif;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.clock.ClockPolicy;
import org.opengrievance.clock.ClockService;
import org.opengrievance.clock.ClockState;
import org.opengrievance.grievance.Actors;
import org.opengrievance.security.EngineAsSystem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates a changed table beside the deployed one for each open case, with the inputs the running model
 * gives it, and lists the answers that differ. Reads only: the one write is the run's own record.
 */
@Service
class WhatIfService {

    static final List<String> ROUTING_INPUTS = List.of("abuseOrNeglect", "serviceArea");

    record OpenCase(String caseNumber, String processInstanceId) {
    }

    private final DecisionTables tables;
    private final CaseClocks clocks;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final EngineAsSystem system;
    private final JdbcClient jdbc;
    private final WhatIfRuns runs;
    private final IdentityService identity;
    private final Clock clock;

    WhatIfService(DecisionTables tables, CaseClocks clocks, RuntimeService runtime, TaskService tasks,
            EngineAsSystem system, JdbcClient jdbc, WhatIfRuns runs, IdentityService identity, Clock clock) {
        this.tables = tables;
        this.clocks = clocks;
        this.runtime = runtime;
        this.tasks = tasks;
        this.system = system;
        this.jdbc = jdbc;
        this.runs = runs;
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional
    WhatIfAnswer run(byte[] upload) {
        DecisionTables.Pair pair = tables.read(upload);
        List<OpenCase> open = jdbc.sql("SELECT case_number, process_instance_id FROM grievance_case"
                + " WHERE status = 'OPEN' ORDER BY case_number").query(OpenCase.class).list();
        List<WhatIfAnswer.Move> moves = new ArrayList<>();
        // the director's role was checked by the API; the engine reads below serve a comparison whose answer
        // names only case numbers and table outputs, so they run without the engine's per-task grants
        int checked = system.call(() -> switch (pair.decisionId()) {
            case "DeadlinePolicy" -> deadlines(pair, open, moves);
            case "DepartmentRouting" -> routing(pair, open, moves);
            default -> classification(pair, open, moves);
        });
        Set<String> moved = new HashSet<>();
        moves.forEach(m -> moved.add(m.caseNumber()));
        WhatIfAnswer answer = new WhatIfAnswer(pair.decisionId(), pair.deployedVersion(), checked, moved.size(),
                List.copyOf(moves));
        runs.record(Actors.current(identity), Instant.now(clock), answer);
        return answer;
    }

    /** Each running clock's deadline under either table: the base due plus any extension it was granted. */
    private int deadlines(DecisionTables.Pair pair, List<OpenCase> open, List<WhatIfAnswer.Move> moves) {
        int checked = 0;
        for (OpenCase c : open) {
            List<ClockState> running = clocks.of(c.caseNumber()).stream().filter(ClockState::running).toList();
            if (running.isEmpty()) {
                continue;
            }
            checked++;
            for (ClockState s : running) {
                Instant before = due(pair.deployed(), s);
                Instant after = due(pair.changed(), s);
                if (!Objects.equals(before, after)) {
                    moves.add(new WhatIfAnswer.Move(c.caseNumber(), "dueAt", s.regime().name(), text(before), text(after)));
                }
            }
        }
        return checked;
    }

    private Instant due(DmnDecision table, ClockState s) {
        DmnDecisionResultEntries row = tables.evaluate(table, Map.of("regime", s.regime().name(), "kind", s.kind().name()));
        if (row == null || row.getEntry("unit") == null || !(row.getEntry("length") instanceof Number length)) {
            return null;
        }
        ClockPolicy policy;
        try {
            policy = new ClockPolicy(s.regime(), s.kind(), ClockPolicy.Unit.valueOf(row.<String>getEntry("unit")),
                    length.intValue(), 0, 0, 0, 0, 0, null, null);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Instant base = ClockService.dueAt(policy, s.receivedAt(), s.zone());
        return s.extensionDays() == 0 ? base
                : ClockService.endOfDay(base.atZone(s.zone()).toLocalDate().plusDays(s.extensionDays()), s.zone());
    }

    /** The department each open case's investigation routes to, from the intake facts its process holds. */
    private int routing(DecisionTables.Pair pair, List<OpenCase> open, List<WhatIfAnswer.Move> moves) {
        int checked = 0;
        for (OpenCase c : open) {
            Map<String, Object> inputs = variables(c, ROUTING_INPUTS);
            if (inputs == null) {
                continue;
            }
            checked++;
            String before = output(pair.deployed(), inputs, "department");
            String after = output(pair.changed(), inputs, "department");
            if (!Objects.equals(before, after)) {
                moves.add(new WhatIfAnswer.Move(c.caseNumber(), "department", null, before, after));
            }
        }
        return checked;
    }

    /** Only a case still waiting at "Confirm classification" can get another suggestion. */
    private int classification(DecisionTables.Pair pair, List<OpenCase> open, List<WhatIfAnswer.Move> moves) {
        Set<String> waiting = new HashSet<>();
        for (Task t : tasks.createTaskQuery().taskDefinitionKey("confirmClassification").list()) {
            waiting.add(t.getProcessInstanceId());
        }
        int checked = 0;
        for (OpenCase c : open) {
            if (!waiting.contains(c.processInstanceId())) {
                continue;
            }
            Map<String, Object> inputs = variables(c, null);
            if (inputs == null) {
                continue;
            }
            checked++;
            String before = output(pair.deployed(), inputs, "suggestedClassification");
            String after = output(pair.changed(), inputs, "suggestedClassification");
            if (!Objects.equals(before, after)) {
                moves.add(new WhatIfAnswer.Move(c.caseNumber(), "suggestedClassification", null, before, after));
            }
        }
        return checked;
    }

    /** The instance's variables (the named ones, or all), or null where its process no longer runs. */
    private Map<String, Object> variables(OpenCase c, List<String> names) {
        if (c.processInstanceId() == null) {
            return null;
        }
        try {
            Map<String, Object> found = names == null ? runtime.getVariables(c.processInstanceId())
                    : runtime.getVariables(c.processInstanceId(), names);
            Map<String, Object> inputs = new HashMap<>(found);
            if (names != null) {
                names.forEach(n -> inputs.putIfAbsent(n, null));
            }
            return inputs;
        } catch (ProcessEngineException e) {
            return null;
        }
    }

    private String output(DmnDecision table, Map<String, Object> inputs, String name) {
        DmnDecisionResultEntries row = tables.evaluate(table, inputs);
        Object value = row == null ? null : row.getEntry(name);
        return value == null ? null : value.toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
