package org.opengrievance.browser;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/**
 * Users for browser tests, created idempotently (the database may outlive a run). Ids are letters and digits
 * only (the engine's default user whitelist). The test profile has no administrator; without a camunda-admin
 * member every webapp redirects to its setup page, so {@link #ensureAdmin} comes first.
 */
final class BrowserUsers {

    static final String ADMIN_USER = "browseradmin";
    static final String ADMIN_PASSWORD = "browser-admin";

    private BrowserUsers() {
    }

    static void ensureAdmin(IdentityService identity) {
        ensureUser(identity, ADMIN_USER, "Ada", "Admin", ADMIN_PASSWORD, "camunda-admin");
    }

    static void ensureUser(IdentityService identity, String id, String first, String last, String password,
            String groupId) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(groupId);
            group.setType("camunda-admin".equals(groupId) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(id, groupId);
        }
    }
}
