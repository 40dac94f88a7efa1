package org.opengrievance.whatif;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.opengrievance.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * The uploaded and the deployed table, both parsed by one stand-alone DMN engine (public API only), so the
 * comparison is fair and nothing reaches the process engine's repository.
 */
@Component
class DecisionTables {

    static final List<String> DECISIONS = List.of("DeadlinePolicy", "DepartmentRouting", "GrievanceClassification");

    record Pair(String decisionId, int deployedVersion, DmnDecision deployed, DmnDecision changed) {
    }

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final RepositoryService repository;

    DecisionTables(RepositoryService repository) {
        this.repository = repository;
    }

    /** The uploaded file's decision (one of {@link #DECISIONS}) beside the latest deployed version of it. */
    Pair read(byte[] upload) {
        List<DmnDecision> parsed;
        try {
            parsed = dmn.parseDecisions(new ByteArrayInputStream(upload));
        } catch (RuntimeException e) {
            // a file that is not DMN XML, or a table that does not parse: the engine's message names internals
            throw Refusal.badField("file", "The file is not a DMN decision table that parses; open it in Modeler and fix it.");
        }
        DmnDecision changed = parsed.stream().filter(d -> DECISIONS.contains(d.getKey())).findFirst()
                .orElseThrow(() -> Refusal.badField("file",
                        "The file holds none of the decisions DeadlinePolicy, DepartmentRouting, GrievanceClassification."));
        if (!changed.isDecisionTable()) {
            throw Refusal.badField("file", "The decision must be a decision table.");
        }
        DecisionDefinition definition = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(changed.getKey()).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("The decision " + changed.getKey() + " is not deployed");
        }
        DmnDecision deployed;
        try (InputStream xml = repository.getResourceAsStream(definition.getDeploymentId(), definition.getResourceName())) {
            deployed = dmn.parseDecision(changed.getKey(), xml);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The deployed decision " + changed.getKey() + " cannot be read", e);
        }
        return new Pair(changed.getKey(), definition.getVersion(), deployed, changed);
    }

    /** The first matching row, or null where no rule matches. */
    DmnDecisionResultEntries evaluate(DmnDecision decision, Map<String, Object> inputs) {
        DmnDecisionResult result = dmn.evaluateDecision(decision, Variables.fromMap(inputs));
        return result.isEmpty() ? null : result.getFirstResult();
    }
}
