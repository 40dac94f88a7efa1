package org.opengrievance.handoff;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/** Reads {@code processes/handoff-policy.dmn}, the table a director edits; the latest deployed version applies. */
@Component
class HandOffPolicies {

    static final String DECISION = "HandOffDeadline";

    private final DecisionService decisions;
    private final RepositoryService repository;

    HandOffPolicies(DecisionService decisions, RepositoryService repository) {
        this.decisions = decisions;
        this.repository = repository;
    }

    /** The policy for a plan regime and track, or empty where the table has no rule. */
    Optional<HandOffPolicy> find(String regime, String track) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("The decision " + DECISION + " is not deployed");
        }
        DmnDecisionResult result = decisions.evaluateDecisionById(definition.getId())
                .variables(Map.of("regime", regime, "track", track)).evaluate();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        DmnDecisionResultEntries row = result.getSingleResult();
        Object length = row.getEntry("length");
        if (!(length instanceof Number n)) {
            throw new IllegalStateException(DECISION + " output length is not a number");
        }
        return Optional.of(new HandOffPolicy(row.getEntry("unit"), n.intValue(), row.getEntry("citation")));
    }
}
