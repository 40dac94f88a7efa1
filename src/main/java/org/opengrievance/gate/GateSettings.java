package org.opengrievance.gate;

import java.util.Set;

/**
 * What the gate checks against besides the forms themselves.
 *
 * @param engineOwned    variables no person may write, even where a form shows them
 * @param caseRecordOnly start-form fields that go to the case record only (passed on as transient variables)
 * @param dates          the bounds of every date a person enters
 * @param deployments    the check of a deployment's models
 */
record GateSettings(Set<String> engineOwned, Set<String> caseRecordOnly, DateBounds dates,
        DeploymentCheck deployments) {
}
