package org.opengrievance.clock;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Component;

/**
 * Reads the clock lengths and options from the decision table {@code DeadlinePolicy} that a director edits
 * in Modeler; the latest deployed version applies to clocks opened or changed from then on.
 */
@Component
public class DeadlinePolicies {

    public static final String DECISION = "DeadlinePolicy";

    private final DecisionService decisions;
    private final RepositoryService repository;

    DeadlinePolicies(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** The policy for a regime and kind, or empty where the table has no rule (e.g. an expedited hospital grievance). */
    public Optional<ClockPolicy> find(Regime regime, ClockKind kind) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("The decision " + DECISION + " is not deployed");
        }
        DmnDecisionResult result = decisions.evaluateDecisionById(definition.getId())
                .variables(Map.of("regime", regime.name(), "kind", kind.name())).evaluate();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        DmnDecisionResultEntries row = result.getSingleResult();
        return Optional.of(new ClockPolicy(regime, kind,
                ClockPolicy.Unit.valueOf(row.<String>getEntry("unit")),
                number(row, "length"), number(row, "extensionLimitDays"), number(row, "reminderBeforeHours"),
                number(row, "escalationBeforeHours"), number(row, "interimNoticeBeforeHours"),
                number(row, "extensionNoticeDays"), row.getEntry("citation"),
                definition.getKey() + ":" + definition.getVersion()));
    }

    public ClockPolicy require(Regime regime, ClockKind kind) {
        return find(regime, kind).orElseThrow(() -> new ClockRuleException(regime.name(),
                "There are no " + kind.name().toLowerCase() + " grievances under " + regime
                        + " (no rule in the decision table " + DECISION + ")."));
    }

    private static int number(DmnDecisionResultEntries row, String name) {
        Object value = row.getEntry(name);
        if (!(value instanceof Number n)) {
            throw new IllegalStateException(DECISION + " output " + name + " is not a number");
        }
        return n.intValue();
    }
}
