package org.opengrievance.demo;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Demo users, one or more per role, with known passwords that are printed at start-up. */
@Component
class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    record DemoGroup(String id, String name, String type) {
    }

    record DemoUser(String id, String first, String last, String role, List<String> groups) {
        String password() {
            return "demo-" + id;
        }
    }

    static final List<DemoGroup> GROUPS = List.of(
            new DemoGroup("camunda-admin", "Administrators", "SYSTEM"),
            new DemoGroup("intake", "Intake staff", "WORKFLOW"),
            new DemoGroup("patient-relations", "Patient relations", "WORKFLOW"),
            new DemoGroup("pr-director", "Patient relations director", "WORKFLOW"),
            new DemoGroup("auditor", "Auditors (read only)", "WORKFLOW"),
            new DemoGroup("appeals", "Appeals team (health plan)", "WORKFLOW"),
            new DemoGroup("case-management", "Case management", "WORKFLOW"),
            new DemoGroup("investigators-nursing", "Investigators: nursing", "WORKFLOW"),
            new DemoGroup("investigators-medical-staff", "Investigators: medical staff", "WORKFLOW"),
            new DemoGroup("investigators-patient-financial-services", "Investigators: patient financial services", "WORKFLOW"),
            new DemoGroup("investigators-support-services", "Investigators: support services", "WORKFLOW"),
            new DemoGroup("investigators-risk-management", "Investigators: risk management", "WORKFLOW"),
            new DemoGroup("investigators-patient-relations", "Investigators: patient relations", "WORKFLOW"));

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Ada", "Admin", "administrator", List.of("camunda-admin")),
            new DemoUser("irene", "Irene", "Intake", "intake staff", List.of("intake")),
            new DemoUser("ivan", "Ivan", "Nurse-Investigator", "investigator (nursing)", List.of("investigators-nursing")),
            new DemoUser("rita", "Rita", "Risk-Manager", "investigator (risk management, medical staff)",
                    List.of("investigators-risk-management", "investigators-medical-staff")),
            new DemoUser("sam", "Sam", "Support-Investigator", "investigator (support services, billing, patient relations)",
                    List.of("investigators-support-services", "investigators-patient-financial-services",
                            "investigators-patient-relations")),
            new DemoUser("paula", "Paula", "Patient-Relations", "patient relations", List.of("patient-relations")),
            new DemoUser("diana", "Diana", "Director", "patient relations director", List.of("pr-director", "patient-relations")),
            new DemoUser("aubrey", "Aubrey", "Auditor", "auditor", List.of("auditor")),
            new DemoUser("alex", "Alex", "Appeals", "appeals team (health plan)", List.of("appeals")),
            new DemoUser("carla", "Carla", "Case-Manager", "case management (discharge appeal rights)",
                    List.of("case-management")));

    private final IdentityService identity;

    private final Environment environment;

    DemoUsers(IdentityService identity, Environment environment) {
        this.identity = identity;
        this.environment = environment;
    }

    void create() {
        for (DemoGroup g : GROUPS) {
            if (identity.createGroupQuery().groupId(g.id()).count() == 0) {
                Group group = identity.newGroup(g.id());
                group.setName(g.name());
                group.setType(g.type());
                identity.saveGroup(group);
            }
        }
        for (DemoUser u : USERS) {
            if (identity.createUserQuery().userId(u.id()).count() == 0) {
                User user = identity.newUser(u.id());
                user.setFirstName(u.first());
                user.setLastName(u.last());
                user.setEmail(u.id() + "@demo.invalid");
                user.setPassword(u.password());
                identity.saveUser(user);
                u.groups().forEach(g -> identity.createMembership(u.id(), g));
            }
        }
        StringBuilder sb = new StringBuilder("\n\nDEMO MODE: these users exist with these passwords (never use demo mode with real data)\n");
        for (DemoUser u : USERS) {
            sb.append(String.format("  %-8s / %-14s %s%n", u.id(), u.password(), u.role()));
        }
        StartUrls urls = StartUrls.of(environment);
        sb.append("Tasklist: ").append(urls.tasklist()).append("   API: ").append(urls.swagger()).append('\n');
        log.info(sb.toString());
    }
}
