package org.opengrievance.gate;

/** Looks at a deployment's multipart body before the engine does; answers the body to pass on, or refuses. */
interface DeploymentCheck {

    byte[] check(String contentType, byte[] body) throws SubmissionRefused;
}
