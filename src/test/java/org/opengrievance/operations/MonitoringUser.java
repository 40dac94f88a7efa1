package org.opengrievance.operations;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;

/** The account a Prometheus server scrapes with: a member of the monitoring group only. */
final class MonitoringUser {

    static final String ID = "opsmonitor";
    static final String PASSWORD = "Test-opsmonitor-pw-5521";
    static final String GROUP = "monitoring";

    private MonitoringUser() {
    }

    static void ensure(IdentityService identity) {
        if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
            Group group = identity.newGroup(GROUP);
            group.setName("Monitoring");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().userId(ID).count() == 0) {
            User user = identity.newUser(ID);
            user.setFirstName("Monitoring");
            user.setLastName("Scraper");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(ID, GROUP);
        }
    }
}
