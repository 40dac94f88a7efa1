package org.opengrievance.gate;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.security.EngineAsSystem;

/**
 * The engine's own answer to "may this person work this task / start this process", asked before the gate
 * looks at a body, so that who may not act is told so (403) rather than what is wrong with the body.
 */
final class EngineGrants {

    private final AuthorizationService authorizations;
    private final RepositoryService repository;
    private final EngineAsSystem system;

    EngineGrants(AuthorizationService authorizations, RepositoryService repository, EngineAsSystem system) {
        this.authorizations = authorizations;
        this.repository = repository;
        this.system = system;
    }

    // asked as the system: the question is about the person, and a person need not read definitions to work
    boolean mayWork(String userId, Set<String> groups, Task task) {
        return system.call(() -> check(userId, groups, task));
    }

    boolean mayStart(String userId, Set<String> groups, String processKey) {
        return system.call(() -> checkStart(userId, groups, processKey));
    }

    private boolean check(String userId, Set<String> groups, Task task) {
        List<String> g = List.copyOf(groups);
        String key = repository.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        return userId.equals(task.getAssignee())
                || authorizations.isUserAuthorized(userId, g, TaskPermissions.TASK_WORK, Resources.TASK, task.getId())
                || authorizations.isUserAuthorized(userId, g, Permissions.UPDATE, Resources.TASK, task.getId())
                || authorizations.isUserAuthorized(userId, g, ProcessDefinitionPermissions.TASK_WORK,
                        Resources.PROCESS_DEFINITION, key)
                || authorizations.isUserAuthorized(userId, g, ProcessDefinitionPermissions.UPDATE_TASK,
                        Resources.PROCESS_DEFINITION, key);
    }

    private boolean checkStart(String userId, Set<String> groups, String processKey) {
        List<String> g = List.copyOf(groups);
        return authorizations.isUserAuthorized(userId, g, Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
                processKey)
                && authorizations.isUserAuthorized(userId, g, Permissions.CREATE, Resources.PROCESS_INSTANCE);
    }
}
