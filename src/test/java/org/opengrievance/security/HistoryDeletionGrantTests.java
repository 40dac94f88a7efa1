package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nobody but the administrators may delete history, instances or definitions (auditors reconstruct every case
 * from history): no role holds those permissions, and one that somebody grants in the Admin webapp is taken
 * away again at the next start.
 */
@GrievanceAppTest
class HistoryDeletionGrantTests {

    @Autowired TestUsers users;
    @Autowired AuthorizationService authorizations;
    @Autowired AuthorizationBaseline baseline;

    static final List<Permission> DESTRUCTIVE = List.of(ProcessDefinitionPermissions.DELETE_HISTORY,
            ProcessDefinitionPermissions.DELETE_INSTANCE, ProcessDefinitionPermissions.DELETE);

    boolean may(Role role, Permission permission) {
        return authorizations.isUserAuthorized(role.userId(), role.groups(), permission, Resources.PROCESS_DEFINITION,
                "grievance");
    }

    @Test
    void onlyTheAdministratorsMayDeleteHistoryInstancesOrDefinitions() {
        users.ensureCreated();
        for (Role role : Role.values()) {
            for (Permission p : DESTRUCTIVE) {
                assertThat(may(role, p)).as(role + " " + p.getName()).isEqualTo(role == Role.ADMIN);
            }
        }
    }

    @Test
    void aDeletionRightGrantedByHandIsTakenAwayAtTheNextStart() {
        users.ensureCreated();
        Authorization byHand = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        byHand.setGroupId(Roles.PR_DIRECTOR);
        byHand.setResource(Resources.PROCESS_DEFINITION);
        byHand.setResourceId("grievance");
        byHand.addPermission(ProcessDefinitionPermissions.DELETE_HISTORY);
        byHand.addPermission(ProcessDefinitionPermissions.READ);
        authorizations.saveAuthorization(byHand);
        assertThat(may(Role.DIRECTOR, ProcessDefinitionPermissions.DELETE_HISTORY)).isTrue();

        baseline.apply();

        assertThat(may(Role.DIRECTOR, ProcessDefinitionPermissions.DELETE_HISTORY)).isFalse();
        assertThat(may(Role.DIRECTOR, ProcessDefinitionPermissions.READ)).isTrue();
    }
}
