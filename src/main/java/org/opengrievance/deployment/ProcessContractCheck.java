package org.opengrievance.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.opengrievance.deployment.ContractIds.ProcessContract;

/**
 * A BPMN file that defines one of the project's process keys, or replaces a shipped file, keeps every
 * contract id of that process ({@link ContractIds#PROCESSES}).
 */
final class ProcessContractCheck {

    static final String KEY_LOST = "This file replaces a shipped process model but no longer defines its process key.";
    static final String ID_LOST = "The application depends on this element of the process, and the deployment removes or renames it.";
    static final String MESSAGE_LOST = "The application sends this message to the process, and the deployment removes or renames it.";

    private ProcessContractCheck() {
    }

    static List<DeploymentViolation> check(String resource, BpmnModelInstance model) {
        Set<String> keys = new HashSet<>();
        model.getModelElementsByType(Process.class).forEach(p -> keys.add(p.getId()));
        Set<String> ids = new HashSet<>();
        model.getModelElementsByType(BaseElement.class).forEach(e -> ids.add(e.getId()));
        Set<String> messages = new HashSet<>();
        model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));

        List<DeploymentViolation> violations = new ArrayList<>();
        for (ProcessContract contract : ContractIds.PROCESSES) {
            boolean definesKey = keys.contains(contract.key());
            if (!definesKey && !Resources.fileName(resource).equals(contract.file())) {
                continue;
            }
            if (!definesKey) {
                violations.add(new DeploymentViolation(resource, contract.key(), KEY_LOST));
                continue;
            }
            contract.activityIds().stream().filter(id -> !ids.contains(id)).sorted()
                    .forEach(id -> violations.add(new DeploymentViolation(resource, id, ID_LOST)));
            contract.messageNames().stream().filter(name -> !messages.contains(name)).sorted()
                    .forEach(name -> violations.add(new DeploymentViolation(resource, name, MESSAGE_LOST)));
        }
        return violations;
    }
}
