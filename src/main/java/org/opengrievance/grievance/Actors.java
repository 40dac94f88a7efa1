package org.opengrievance.grievance;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** Who did it: the task's assignee, else the user the engine has authenticated for this call. */
public final class Actors {

    private Actors() {
    }

    public static String of(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        return current(task.getProcessEngineServices().getIdentityService());
    }

    public static String current(IdentityService identity) {
        var auth = identity.getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }
}
