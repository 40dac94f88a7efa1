package org.opengrievance.deployment;

/**
 * One reason a deployment is refused.
 *
 * @param resource  the resource name as the deployment carries it (e.g. {@code grievance.bpmn})
 * @param elementId the id of the element at fault (a BPMN/DMN element id, a form component id, a contract id
 *                  the deployment lost); {@code null} when the fault is the whole resource (unreadable, wrong type)
 * @param reason    one plain sentence for the director; never the offending expression text
 */
public record DeploymentViolation(String resource, String elementId, String reason) {
}
