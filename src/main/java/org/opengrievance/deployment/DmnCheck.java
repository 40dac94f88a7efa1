package org.opengrievance.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.opengrievance.deployment.ContractIds.DecisionContract;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One DMN resource. FEEL is the engine's default and is sandboxed (no Java calls), so FEEL cells pass; JUEL
 * cells go through the same expression check as BPMN; any other expression language is a script engine
 * and is refused. A file that defines one of the project's decision ids, or replaces a shipped file, keeps the
 * decision id and the outputs the models and the code read ({@link ContractIds#DECISIONS}).
 */
final class DmnCheck {

    static final String UNREADABLE = "The file is not a DMN model the engine can read.";
    static final String SCRIPT = "Decision tables may use FEEL or JUEL expressions, not scripts.";
    static final String DECISION_LOST = "This file replaces a shipped decision table but no longer defines its decision id.";

    private static final Set<String> EXPRESSION_ELEMENTS = Set.of("inputExpression", "inputEntry", "outputEntry",
            "literalExpression", "defaultOutputEntry");

    private final ExpressionCheck expressions;

    DmnCheck(ExpressionCheck expressions) {
        this.expressions = expressions;
    }

    List<DeploymentViolation> check(String resource, byte[] bytes) {
        Document document = SafeXml.parse(bytes);
        DmnModelInstance model;
        try {
            model = Dmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException unreadable) {
            model = null;
        }
        if (document == null || model == null) {
            return List.of(new DeploymentViolation(resource, null, UNREADABLE));
        }
        List<DeploymentViolation> violations = new ArrayList<>(scanExpressions(resource, document));
        violations.addAll(contract(resource, model));
        return violations;
    }

    private List<DeploymentViolation> scanExpressions(String resource, Document document) {
        Set<DeploymentViolation> found = new LinkedHashSet<>();
        Element definitions = document.getDocumentElement();
        String defaultLanguage = definitions.getAttribute("expressionLanguage");
        SafeXml.forEachElement(definitions, element -> {
            if (!EXPRESSION_ELEMENTS.contains(SafeXml.localName(element))) {
                return;
            }
            String language = element.hasAttribute("expressionLanguage")
                    ? element.getAttribute("expressionLanguage") : defaultLanguage;
            String id = SafeXml.nearestId(element, e -> false);
            String text = textOf(element);
            if (isFeel(language)) {
                return;
            }
            if (language.trim().equalsIgnoreCase("juel")) {
                expressions.check(text, false).ifPresent(r -> found.add(new DeploymentViolation(resource, id, r)));
            } else {
                found.add(new DeploymentViolation(resource, id, SCRIPT));
            }
        });
        return List.copyOf(found);
    }

    /** Empty means the engine's default for DMN cells, which is FEEL. */
    private static boolean isFeel(String language) {
        String l = language.trim().toLowerCase(Locale.ROOT);
        return l.isEmpty() || l.equals("feel") || l.contains("omg.org/spec/feel") || l.endsWith("/feel/");
    }

    private static String textOf(Element element) {
        StringBuilder text = new StringBuilder();
        SafeXml.forEachElement(element, e -> {
            if (SafeXml.localName(e).equals("text")) {
                text.append(SafeXml.ownText(e));
            }
        });
        return text.toString();
    }

    private static List<DeploymentViolation> contract(String resource, DmnModelInstance model) {
        Map<String, Set<String>> outputsByDecision = new HashMap<>();
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            Set<String> outputs = new LinkedHashSet<>();
            if (decision.getExpression() instanceof DecisionTable table) {
                for (Output output : table.getOutputs()) {
                    outputs.add(output.getName());
                }
            }
            outputsByDecision.put(decision.getId(), outputs);
        }
        List<DeploymentViolation> violations = new ArrayList<>();
        for (DecisionContract contract : ContractIds.DECISIONS) {
            Set<String> outputs = outputsByDecision.get(contract.id());
            if (outputs == null) {
                if (Resources.fileName(resource).equals(contract.file())) {
                    violations.add(new DeploymentViolation(resource, contract.id(), DECISION_LOST));
                }
                continue;
            }
            contract.outputs().stream().filter(o -> !outputs.contains(o)).sorted()
                    .forEach(o -> violations.add(new DeploymentViolation(resource, contract.id(),
                            "The decision no longer has the output " + o + ", which the models and the application read.")));
        }
        return violations;
    }
}
