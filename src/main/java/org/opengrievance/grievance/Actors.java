package org.opengrievance.grievance;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Who did it: the user the engine has authenticated for this call, never a submitted value. A task's assignee
 * counts only when no one is signed in (the engine working on its own, or code driving it without a user).
 */
public final class Actors {

    private Actors() {
    }

    public static String of(DelegateTask task) {
        String signedIn = current(task.getProcessEngineServices().getIdentityService());
        return signedIn != null ? signedIn : task.getAssignee();
    }

    public static String current(IdentityService identity) {
        var auth = identity.getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }
}
