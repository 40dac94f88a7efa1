package org.opengrievance.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Engine work the application does as the consequence of a request whose role the API has already checked,
 * for example moving every open task's due date after a clock extension by patient relations (who may read,
 * not reschedule, investigators' tasks). The engine's authorization checks are off for the duration; the
 * person stays recorded in the case's own trail. Use it for consequences only, never to widen what a person
 * may read.
 */
@Component
public class EngineAsSystem {

    private final IdentityService identity;

    EngineAsSystem(IdentityService identity) {
        this.identity = identity;
    }

    public void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    public <T> T call(Supplier<T> work) {
        // the user and groups are kept as plain values: only public IdentityService methods are used
        var current = identity.getCurrentAuthentication();
        String userId = current == null ? null : current.getUserId();
        java.util.List<String> groups = current == null ? null : current.getGroupIds();
        java.util.List<String> tenants = current == null ? null : current.getTenantIds();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (userId != null) {
                identity.setAuthentication(userId, groups, tenants);
            }
        }
    }
}
