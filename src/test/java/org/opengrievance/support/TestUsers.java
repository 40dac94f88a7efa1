package org.opengrievance.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/**
 * One user per role in the shared test context, created once and idempotently (also where the database
 * outlives a run), with HTTP clients that sign in as them: HTTP Basic for the API and engine-rest, a session
 * login for the Camunda webapps. No test signs in with a wrong password as one of these users: the engine's
 * login throttling would refuse the next correct one for a few seconds.
 */
public class TestUsers {

    /** The roles of docs/security.md; user ids are letters and digits only (the engine's default whitelist). */
    public enum Role {
        INTAKE("secintake", "intake"),
        PATIENT_RELATIONS("secrelations", "patient-relations"),
        DIRECTOR("secdirector", "pr-director"),
        AUDITOR("secauditor", "auditor"),
        CASE_MANAGER("seccasemgr", "case-management"),
        NURSING_INVESTIGATOR("secnurse", "investigators-nursing"),
        MEDICAL_INVESTIGATOR("secmedic", "investigators-medical-staff"),
        ADMIN("secadmin", "camunda-admin"),
        APPEALS("secappeals", "appeals"),
        NO_GROUP("secnobody");

        private final String userId;
        private final List<String> groups;

        Role(String userId, String... groups) {
            this.userId = userId;
            this.groups = List.of(groups);
        }

        public String userId() {
            return userId;
        }

        public List<String> groups() {
            return groups;
        }

        public String password() {
            return "Test-" + userId + "-pw-7431";
        }
    }

    private final IdentityService identity;
    private final Environment environment;
    private volatile boolean created;

    public TestUsers(IdentityService identity, Environment environment) {
        this.identity = identity;
        this.environment = environment;
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    /** A client that sends no credentials at all. */
    public RestClient anonymous() {
        return RestClient.builder().baseUrl(baseUrl()).build();
    }

    /** A client that signs every request in as the user of that role (HTTP Basic). */
    public RestClient as(Role role) {
        ensureCreated();
        return RestClient.builder().baseUrl(baseUrl())
                .defaultHeaders(h -> h.setBasicAuth(role.userId(), role.password(), StandardCharsets.UTF_8))
                .build();
    }

    /** The value of an Authorization header for that role. */
    public String basic(Role role) {
        ensureCreated();
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(role.userId(), role.password(), StandardCharsets.UTF_8);
        return headers.getFirst(HttpHeaders.AUTHORIZATION);
    }

    /** A client for that role on that port; the users exist from the moment the test context is ready. */
    public static RestClient client(int port, Role role) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(role.userId(), role.password(), StandardCharsets.UTF_8))
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void ensureCreated() {
        if (created) {
            return;
        }
        for (Role role : Role.values()) {
            for (String groupId : role.groups()) {
                if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                    Group group = identity.newGroup(groupId);
                    group.setName(groupId);
                    group.setType("camunda-admin".equals(groupId) ? "SYSTEM" : "WORKFLOW");
                    identity.saveGroup(group);
                }
            }
            if (identity.createUserQuery().userId(role.userId()).count() == 0) {
                User user = identity.newUser(role.userId());
                user.setFirstName(role.name());
                user.setLastName("Test");
                user.setPassword(role.password());
                identity.saveUser(user);
            }
            for (String groupId : role.groups()) {
                if (identity.createUserQuery().userId(role.userId()).memberOfGroup(groupId).count() == 0) {
                    identity.createMembership(role.userId(), groupId);
                }
            }
        }
        created = true;
    }

    /** A signed-in session of one Camunda webapp ({@code tasklist}, {@code cockpit}, {@code admin}). */
    public WebappSession webapp() {
        ensureCreated();
        return new WebappSession(baseUrl());
    }

    /** The webapps' own login: session cookie plus the XSRF token their CSRF filter hands out. */
    public static final class WebappSession {

        private final String base;
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient client;

        WebappSession(String base) {
            this.base = base;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        }

        /** Loads the app's page (which sets the XSRF-TOKEN cookie) and posts the login form; returns the status. */
        public int logIn(Role role, String app) {
            return logIn(role.userId(), role.password(), app);
        }

        /** The same for any user (one a test created itself). */
        public int logIn(String userId, String password, String app) {
            send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).GET().build());
            String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            int status = send(withToken(HttpRequest.newBuilder(URI.create(
                    base + "/camunda/api/admin/auth/user/default/login/" + app)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build()).statusCode();
            // the login starts a new session, and with it a new CSRF token, handed out on the next read
            send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET().build());
            return status;
        }

        public HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET()
                    .build());
        }

        public HttpResponse<String> postJson(String path, String json) {
            return send(withToken(HttpRequest.newBuilder(URI.create(base + path)))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }

        /**
         * Any request with the session cookie (and whatever cookies the webapps set), {@code headers} as name, value,
         * name, value...; no CSRF header unless the caller adds one ({@link #csrfToken()}).
         */
        public HttpResponse<String> send(String method, String path, String json, String... headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json, application/problem+json, application/pdf")
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return send(request.build());
        }

        /** The CSRF token the webapps handed out for this session (cookie XSRF-TOKEN), empty before any. */
        public String csrfToken() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> "XSRF-TOKEN".equals(c.getName())).map(HttpCookie::getValue).findFirst().orElse("");
        }

        /** The webapps' logout, as the user menu of Tasklist and Cockpit sends it; returns the status. */
        public int logOut() {
            return send(withToken(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/logout")))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
        }

        private HttpRequest.Builder withToken(HttpRequest.Builder request) {
            return request.header("X-XSRF-TOKEN", csrfToken());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
