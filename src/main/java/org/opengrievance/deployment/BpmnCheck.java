package org.opengrievance.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Document;

/** One BPMN resource: readable, no code beyond the allowlist, its contract ids kept. */
final class BpmnCheck {

    static final String UNREADABLE = "The file is not a BPMN model the engine can read.";

    private final BpmnCodeScan code;

    BpmnCheck(ExpressionCheck expressions) {
        this.code = new BpmnCodeScan(expressions);
    }

    List<DeploymentViolation> check(String resource, byte[] bytes) {
        Document document = SafeXml.parse(bytes);
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
        } catch (RuntimeException unreadable) {
            model = null;
        }
        if (document == null || model == null) {
            return List.of(new DeploymentViolation(resource, null, UNREADABLE));
        }
        List<DeploymentViolation> violations = new ArrayList<>(code.scan(resource, document));
        violations.addAll(ProcessContractCheck.check(resource, model));
        return violations;
    }
}
