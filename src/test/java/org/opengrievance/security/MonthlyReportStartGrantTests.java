package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.opengrievance.support.TestUsers.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Only the director is offered the monthly report: Tasklist's Start list (the definitions a person may start)
 * holds "Monthly grievance report" for pr-director, also for a director who is in patient-relations too, and
 * not for patient relations, who start complaints and case changes; their start is refused by the engine.
 */
@GrievanceAppTest
class MonthlyReportStartGrantTests {

    static final String BOTH_USER = "secdirectorrelations";
    static final String BOTH_PASSWORD = "Test-both-groups-pw-5517";

    @Autowired TestUsers users;
    @Autowired IdentityService identity;

    @Test
    void onlyDirectorsAreOfferedTheMonthlyReportAndPatientRelationsCannotStartIt() {
        assertThat(StartListTests.startable(users.as(Role.PATIENT_RELATIONS))).contains("grievance", "caseChange")
                .doesNotContain("monthlyReport");
        assertThat(StartListTests.startable(users.as(Role.DIRECTOR))).contains("monthlyReport");
        assertThat(StartListTests.startable(directorInPatientRelations())).contains("monthlyReport", "grievance");

        // Tasklist's own API behind its session: the list its Start process dialog shows
        WebappSession tasklist = users.webapp();
        assertThat(tasklist.logIn(Role.PATIENT_RELATIONS, "tasklist")).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/process-definition?latestVersion=true"
                + "&active=true&startableInTasklist=true&startablePermissionCheck=true").body())
                .contains("\"key\":\"grievance\"").doesNotContain("\"key\":\"monthlyReport\"");

        int refused = users.as(Role.PATIENT_RELATIONS).post()
                .uri("/engine-rest/process-definition/key/monthlyReport/submit-form")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"variables\":{\"reportMonth\":{\"value\":\"2026-11\"}}}")
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(refused).isEqualTo(403);
    }

    /** Like the demo's director: a member of pr-director and of patient-relations. */
    private RestClient directorInPatientRelations() {
        users.ensureCreated();
        if (identity.createUserQuery().userId(BOTH_USER).count() == 0) {
            User user = identity.newUser(BOTH_USER);
            user.setFirstName("Both");
            user.setLastName("Groups");
            user.setPassword(BOTH_PASSWORD);
            identity.saveUser(user);
            identity.createMembership(BOTH_USER, Roles.PR_DIRECTOR);
            identity.createMembership(BOTH_USER, Roles.PATIENT_RELATIONS);
        }
        return RestClient.builder().baseUrl(users.baseUrl())
                .defaultHeaders(h -> h.setBasicAuth(BOTH_USER, BOTH_PASSWORD, StandardCharsets.UTF_8)).build();
    }
}
