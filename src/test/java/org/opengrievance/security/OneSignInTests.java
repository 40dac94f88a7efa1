package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.security.SecurityTestSupport.Answer;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.opengrievance.support.TestUsers.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One sign-in: the project's API accepts the session of a person signed in to Tasklist or Cockpit (the Cockpit
 * plugin, the letter links in Tasklist forms), with the webapps' CSRF token for every change, the same roles as
 * HTTP Basic, and nothing once the session is logged out, unknown or its user gone. HTTP Basic is unchanged.
 */
@GrievanceAppTest
class OneSignInTests {

    static final String WITHDRAW = "{\"note\":\"Patient phoned to withdraw.\"}";

    @Autowired TestUsers users;
    @Autowired GrievanceCaseRepository cases;
    @Autowired IdentityService identity;

    SecurityTestSupport http;

    @Autowired
    void http(TestUsers users) {
        this.http = new SecurityTestSupport(users);
    }

    WebappSession signedIn(Role role, String app) {
        WebappSession session = users.webapp();
        assertThat(session.logIn(role, app)).as(role + " signs in to " + app).isEqualTo(200);
        assertThat(session.csrfToken()).as("the webapps handed out a CSRF token").isNotEmpty();
        return session;
    }

    String status(String caseNumber) {
        return cases.findByCaseNumber(caseNumber).orElseThrow().status();
    }

    @Test
    void theTasklistSessionReadsACaseWithoutASecondPassword() {
        String caseNumber = http.logCase("NURSING");
        WebappSession tasklist = signedIn(Role.PATIENT_RELATIONS, "tasklist");

        HttpResponse<String> read = tasklist.send("GET", "/api/grievances/" + caseNumber, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"caseNumber\":\"" + caseNumber + "\"");
        HttpResponse<String> letters = tasklist.send("GET", "/api/grievances/" + caseNumber + "/letters", null);
        assertThat(letters.statusCode()).isEqualTo(200);
        // the API answers from the existing session and starts none of its own
        assertThat(read.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void aChangeWithTheSessionNeedsTheSessionsCsrfToken() {
        String caseNumber = http.logCase("NURSING");
        WebappSession tasklist = signedIn(Role.PATIENT_RELATIONS, "tasklist");
        String withdrawal = "/api/grievances/" + caseNumber + "/withdrawal";

        HttpResponse<String> without = tasklist.send("POST", withdrawal, WITHDRAW);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(without.body()).contains("urn:grievance:problem:csrf-token").contains("X-XSRF-TOKEN");
        HttpResponse<String> wrong = tasklist.send("POST", withdrawal, WITHDRAW, "X-XSRF-TOKEN",
                "0123456789ABCDEF0123456789ABCDEF");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(wrong.body()).contains("urn:grievance:problem:csrf-token");
        // a token of another session is a wrong token too
        WebappSession other = signedIn(Role.PATIENT_RELATIONS, "tasklist");
        assertThat(tasklist.send("POST", withdrawal, WITHDRAW, "X-XSRF-TOKEN", other.csrfToken()).statusCode())
                .isEqualTo(403);
        assertThat(status(caseNumber)).isEqualTo("OPEN");

        HttpResponse<String> with = tasklist.send("POST", withdrawal, WITHDRAW, "X-XSRF-TOKEN", tasklist.csrfToken());
        assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
        assertThat(status(caseNumber)).isEqualTo("CLOSED");
    }

    @Test
    void theSessionCarriesTheSameRolesAsBasic() {
        String caseNumber = http.logCase("NURSING");
        WebappSession cockpit = signedIn(Role.AUDITOR, "cockpit");

        assertThat(cockpit.send("GET", "/api/grievances/" + caseNumber, null).statusCode()).isEqualTo(200);
        // the auditor reads, and with a valid token is still refused every change, like with Basic
        HttpResponse<String> write = cockpit.send("POST", "/api/grievances/" + caseNumber + "/withdrawal", WITHDRAW,
                "X-XSRF-TOKEN", cockpit.csrfToken());
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("urn:grievance:problem:forbidden");
        assertThat(http.post(Role.AUDITOR, "/api/grievances/" + caseNumber + "/withdrawal", WITHDRAW).status())
                .isEqualTo(403);
        assertThat(status(caseNumber)).isEqualTo("OPEN");
    }

    @Test
    void afterLogoutTheSessionSignsNothingInAndNoPasswordDialogPopsUp() {
        String caseNumber = http.logCase("NURSING");
        WebappSession tasklist = signedIn(Role.PATIENT_RELATIONS, "tasklist");
        assertThat(tasklist.send("GET", "/api/grievances/" + caseNumber, null).statusCode()).isEqualTo(200);

        assertThat(tasklist.logOut()).isEqualTo(200);

        HttpResponse<String> after = tasklist.send("GET", "/api/grievances/" + caseNumber, null);
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("urn:grievance:problem:unauthenticated").contains("Tasklist or Cockpit");
        assertThat(after.headers().allValues("WWW-Authenticate")).isNotEmpty()
                .noneMatch(c -> c.regionMatches(true, 0, "Basic", 0, 5));
        assertThat(tasklist.send("POST", "/api/grievances/" + caseNumber + "/withdrawal", WITHDRAW,
                "X-XSRF-TOKEN", tasklist.csrfToken()).statusCode()).isEqualTo(401);
        assertThat(status(caseNumber)).isEqualTo("OPEN");
    }

    @Test
    void anExpiredOrUnknownSessionSignsNothingIn() throws Exception {
        String caseNumber = http.logCase("NURSING");
        // what a browser sends after the server dropped its session (idle timeout, restart): a cookie it no longer knows
        HttpResponse<String> stale = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(users.baseUrl() + "/api/grievances/" + caseNumber))
                .header("Cookie", "JSESSIONID=5E6B1F0C2D9A4E7B8C3D1A2B3C4D5E6F").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stale.statusCode()).isEqualTo(401);
        assertThat(stale.headers().allValues("WWW-Authenticate")).noneMatch(c -> c.regionMatches(true, 0, "Basic", 0, 5));
    }

    @Test
    void aSessionLosesAGroupsRightsAsSoonAsTheUserLeavesTheGroupAndEverythingWhenTheUserIsDeleted() {
        String caseNumber = http.logCase("NURSING");
        String userId = "secleaver";
        String password = "Test-secleaver-pw-7431";
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setPassword(password);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(userId).memberOfGroup("patient-relations").count() == 0) {
            identity.createMembership(userId, "patient-relations");
        }
        try {
            WebappSession tasklist = users.webapp();
            assertThat(tasklist.logIn(userId, password, "tasklist")).isEqualTo(200);
            assertThat(tasklist.send("GET", "/api/grievances/" + caseNumber, null).statusCode()).isEqualTo(200);

            identity.deleteMembership(userId, "patient-relations");
            assertThat(tasklist.send("GET", "/api/grievances/" + caseNumber, null).statusCode()).isEqualTo(403);
            assertThat(tasklist.send("POST", "/api/grievances/" + caseNumber + "/withdrawal", WITHDRAW,
                    "X-XSRF-TOKEN", tasklist.csrfToken()).statusCode()).isEqualTo(403);

            identity.deleteUser(userId);
            assertThat(tasklist.send("GET", "/api/grievances/" + caseNumber, null).statusCode()).isEqualTo(401);
            assertThat(status(caseNumber)).isEqualTo("OPEN");
        } finally {
            identity.deleteUser(userId);
        }
    }

    @Test
    void basicIsUnchangedStatelessWithoutCsrfAndWinsOverASession() {
        String caseNumber = http.logCase("NURSING");
        Answer anonymous = http.get(null, "/api/grievances/" + caseNumber);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Basic realm=");

        assertThat(http.get(Role.INTAKE, "/api/grievances/" + caseNumber).status()).isEqualTo(200);

        // an auditor's Cockpit session in the same browser does not turn a Basic request into the auditor's
        WebappSession cockpit = signedIn(Role.AUDITOR, "cockpit");
        HttpResponse<String> basic = cockpit.send("POST", "/api/grievances/" + caseNumber + "/withdrawal", WITHDRAW,
                "Authorization", users.basic(Role.PATIENT_RELATIONS));
        assertThat(basic.statusCode()).as(basic.body()).isEqualTo(200);
        assertThat(basic.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(status(caseNumber)).isEqualTo("CLOSED");
    }
}
