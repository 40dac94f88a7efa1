package org.opengrievance.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused administrator password into Spring Boot's "APPLICATION FAILED TO START" report. */
public class WeakAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<WeakAdminPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WeakAdminPasswordException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set GRIEVANCE_ADMIN_PASSWORD in the environment (or a secret the container reads) to a password of at "
                        + "least " + AdminPasswordCheck.MIN_LENGTH + " characters that is not a default, and "
                        + "GRIEVANCE_ADMIN_USER if the administrator is not called admin. The password is only used "
                        + "when the administrator is first created; change it later in the Admin webapp.",
                cause);
    }
}
