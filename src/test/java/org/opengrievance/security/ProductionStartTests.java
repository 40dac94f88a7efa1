package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.opengrievance.GrievanceApplication;

/**
 * The production profile ({@code postgres}) started the way it starts in production: a separate JVM running
 * {@link GrievanceApplication} with that profile, here on an in-memory H2 database so no PostgreSQL is needed.
 * It refuses a missing, short or default administrator password with a clear message, and with a strong one
 * it starts, with no demo users, secure webapp cookies and HSTS behind a TLS-terminating proxy.
 */
class ProductionStartTests {

    static final String STRONG = "Correct-Horse-Battery-42";
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** A running or finished application and everything it printed. */
    static final class Started {
        final Process process;
        final StringBuffer output = new StringBuffer();

        Started(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        output.append(line).append('\n');
                    }
                } catch (java.io.IOException closed) {
                    // the process ended
                }
            }, "production-start-output");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** The application's classes and dependencies, without the test classes (no test clock, no test beans). */
    static String applicationClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static Started start(String adminPassword) throws Exception {
        return start(adminPassword, true);
    }

    static Started start(String adminPassword, boolean withQio) throws Exception {
        return start("postgres", adminPassword, withQio,
                "jdbc:h2:mem:production-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    static Started start(String profile, String adminPassword, boolean withQio, String databaseUrl) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", applicationClasspath(),
                GrievanceApplication.class.getName(),
                "--spring.profiles.active=" + profile,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=sa",
                "--spring.datasource.password=",
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                // the facility's own policy, which production requires to be set
                "--grievance.facility.follow-up-days=30"));
        if (databaseUrl.startsWith("jdbc:h2:mem:")) {
            // a new, empty database: the first install creates the engine's tables (docs/operations.md)
            command.add("--grievance.database.first-install=true");
        }
        if (adminPassword != null) {
            command.add("--camunda.bpm.admin-user.password=" + adminPassword);
        }
        if (withQio) {
            command.addAll(List.of("--grievance.notices.qio.name=Test QIO", "--grievance.notices.qio.phone=555-0100",
                    "--grievance.notices.qio.address=1 Test Way"));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("GRIEVANCE_") || k.startsWith("SPRING_") || k.startsWith("CAMUNDA_"));
        return new Started(builder.start());
    }

    @ParameterizedTest(name = "admin password \"{0}\" is refused")
    @ValueSource(strings = {"", "admin", "demo-admin", "demo", "Short-pw-1"})
    void productionRefusesAMissingShortOrDefaultAdminPassword(String password) throws Exception {
        Started app = start(password);
        assertThat(app.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
        String output = app.output.toString();
        // the start failed (an exception out of main: exit 1), not a crash or a kill
        assertThat(app.process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("APPLICATION FAILED TO START").contains("Refusing to start:")
                .contains("GRIEVANCE_ADMIN_PASSWORD")
                .doesNotContain("Started GrievanceApplication").doesNotContain("ENGINE-00001");
        if (password.length() > 5) {
            assertThat(output).doesNotContain(password);
        }
    }

    @Test
    void productionRefusesToStartWithoutTheQioThatLettersMustName() throws Exception {
        Started app = start(STRONG, false);
        assertThat(app.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
        String output = app.output.toString();
        // the start failed (an exception out of main: exit 1), not a crash or a kill
        assertThat(app.process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("APPLICATION FAILED TO START").contains("grievance.notices.qio");
    }

    @Test
    void productionStartsWithAStrongAdminPasswordAndSecureSettings() throws Exception {
        Started app = start(STRONG);
        try {
            int port = awaitPort(app);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            String base = "http://localhost:" + port;
            String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + STRONG).getBytes(StandardCharsets.UTF_8));

            // open without credentials; up: the database answers (this start runs no job executor, and one that is
            // switched off is not judged; the mail server is not part of health: management.health.mail.enabled is false)
            assertThat(send(http, base + "/actuator/health", Map.of()).statusCode()).isEqualTo(200);
            assertThat(send(http, base + "/api/grievances/GRV-2026-000001", Map.of()).statusCode()).isEqualTo(401);
            assertThat(send(http, base + "/engine-rest/task", Map.of()).statusCode()).isEqualTo(401);

            // only the administrator exists: no demo users in production
            HttpResponse<String> userList = send(http, base + "/engine-rest/user", Map.of("Authorization", admin));
            assertThat(userList.statusCode()).isEqualTo(200);
            assertThat(userList.body()).contains("\"id\":\"admin\"").doesNotContain("irene").doesNotContain("demo");

            // behind the TLS-terminating proxy: HSTS on the application's answers and on the webapps'
            Map<String, String> viaTls = Map.of("X-Forwarded-Proto", "https");
            HttpResponse<String> api = send(http, base + "/api/grievances/GRV-2026-000001", viaTls);
            assertThat(api.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                    v -> assertThat(v).contains("max-age=31536000"));
            HttpResponse<String> tasklist = send(http, base + "/camunda/app/tasklist/default/", viaTls);
            assertThat(tasklist.statusCode()).isEqualTo(200);
            assertThat(tasklist.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                    v -> assertThat(v).contains("max-age=31536000"));
            assertThat(tasklist.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(tasklist.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            String xsrf = tasklist.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN"))
                    .findFirst().orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie: " + tasklist.headers()));
            String firstSession = tasklist.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
            assertThat(xsrf).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Strict");

            // a webapp session cookie: Secure, HttpOnly, SameSite=Strict
            HttpResponse<String> login = send(http, base + "/camunda/api/admin/auth/user/default/login/admin",
                    Map.of("X-Forwarded-Proto", "https", "Cookie", xsrf.split(";")[0] + "; " + firstSession.split(";")[0],
                            "X-XSRF-TOKEN", xsrf.split(";")[0].substring("XSRF-TOKEN=".length()),
                            "Content-Type", "application/x-www-form-urlencoded"),
                    "username=admin&password=" + STRONG);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
            String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                    .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
            assertThat(session).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly")
                    .containsIgnoringCase("SameSite=Strict");
        } finally {
            app.process.destroy();
            if (!app.process.waitFor(30, TimeUnit.SECONDS)) {
                app.process.destroyForcibly();
            }
        }
    }

    /**
     * A database that once ran the demo, then production on it: the demo passwords no longer work (the demo
     * administrator now has the configured strong password), and each disabled account has its log line.
     */
    @Test
    void productionOnADatabaseWithDemoUsersDisablesTheirDemoPasswords(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        String database = "jdbc:h2:file:" + dir.resolve("grievance").toAbsolutePath();
        Started demo = start("demo", null, false, database);
        try {
            int port = awaitPort(demo);
            HttpClient http = HttpClient.newHttpClient();
            assertThat(send(http, "http://localhost:" + port + "/engine-rest/user",
                    Map.of("Authorization", basic("irene", "demo-irene"))).statusCode()).isEqualTo(200);
        } finally {
            stop(demo);
        }

        Started production = start("postgres", STRONG, true, database);
        try {
            int port = awaitPort(production);
            HttpClient http = HttpClient.newHttpClient();
            String users = "http://localhost:" + port + "/engine-rest/user";
            // the administrator first: a wrong password would lock the account for a few seconds
            assertThat(send(http, users, Map.of("Authorization", basic("admin", STRONG))).statusCode()).isEqualTo(200);
            for (String id : List.of("admin", "irene", "diana", "paula", "aubrey")) {
                assertThat(send(http, users, Map.of("Authorization", basic(id, "demo-" + id))).statusCode())
                        .as(id).isEqualTo(401);
            }
            String output = production.output.toString();
            assertThat(output).contains("Demo user irene had its demo password in this production database")
                    .contains("Demo user admin had its demo password in this production database")
                    .contains("Disabled the demo passwords of 10 demo users").doesNotContain("demo-irene")
                    .doesNotContain(STRONG);
        } finally {
            stop(production);
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static void stop(Started app) throws InterruptedException {
        app.process.destroy();
        if (!app.process.waitFor(60, TimeUnit.SECONDS)) {
            app.process.destroyForcibly();
            app.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static int awaitPort(Started app) throws InterruptedException {
        Pattern started = Pattern.compile("Tomcat started on port (\\d+)");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher m = started.matcher(app.output);
            if (m.find() && app.output.indexOf("Started GrievanceApplication") >= 0) {
                return Integer.parseInt(m.group(1));
            }
            if (!app.process.isAlive()) {
                throw new AssertionError("the application stopped:\n" + app.output);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the application did not start in time:\n" + app.output);
    }

    static HttpResponse<String> send(HttpClient http, String url, Map<String, String> headers) throws Exception {
        return send(http, url, headers, null);
    }

    static HttpResponse<String> send(HttpClient http, String url, Map<String, String> headers, String form)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        request.method(form == null ? "GET" : "POST", form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
