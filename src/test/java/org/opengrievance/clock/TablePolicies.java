package org.opengrievance.clock;

import java.io.InputStream;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.opengrievance.regime.Regime;

/** The policies of processes/deadline-policy.dmn, read without a process engine, for the clock unit tests. */
final class TablePolicies {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision DECISION;

    static {
        try (InputStream in = TablePolicies.class.getResourceAsStream("/processes/deadline-policy.dmn")) {
            DECISION = ENGINE.parseDecision("DeadlinePolicy", in);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TablePolicies() {
    }

    static ClockPolicy policy(Regime regime, ClockKind kind) {
        DmnDecisionResult result = ENGINE.evaluateDecision(DECISION, Map.of("regime", regime.name(), "kind", kind.name()));
        if (result.isEmpty()) {
            throw new IllegalArgumentException("no rule for " + regime + " " + kind);
        }
        DmnDecisionResultEntries r = result.getSingleResult();
        return new ClockPolicy(regime, kind, ClockPolicy.Unit.valueOf(r.getEntry("unit")), n(r, "length"),
                n(r, "extensionLimitDays"), n(r, "reminderBeforeHours"), n(r, "escalationBeforeHours"),
                n(r, "interimNoticeBeforeHours"), n(r, "extensionNoticeDays"), r.getEntry("citation"), "DeadlinePolicy:test");
    }

    static boolean has(Regime regime, ClockKind kind) {
        return !ENGINE.evaluateDecision(DECISION, Map.of("regime", regime.name(), "kind", kind.name())).isEmpty();
    }

    private static int n(DmnDecisionResultEntries r, String name) {
        return ((Number) r.getEntry(name)).intValue();
    }
}
