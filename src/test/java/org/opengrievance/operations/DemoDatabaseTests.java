package org.opengrievance.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.opengrievance.GrievanceApplication;

/**
 * The demo (the default profile) starts on H2 only: pointed at PostgreSQL it stops before connecting, with
 * Spring Boot's "APPLICATION FAILED TO START" report, unless GRIEVANCE_DEMO_ON_ANY_DATABASE=true. Each start is a
 * JVM of its own running the application the way it runs in production; no PostgreSQL is needed (nothing listens
 * at the address used). The demo on H2 starts in ProductionStartTests.
 */
class DemoDatabaseTests {

    record Exited(int code, String output) {
    }

    static Exited run(boolean onAnyDatabase) throws Exception {
        int closedPort;
        try (ServerSocket free = new ServerSocket(0)) {
            closedPort = free.getLocalPort();
        }
        String classpath = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes")).collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", classpath, GrievanceApplication.class.getName(),
                "--server.port=0", "--camunda.bpm.job-execution.enabled=false",
                "--spring.datasource.hikari.connection-timeout=1000",
                "--spring.datasource.hikari.initialization-fail-timeout=1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("GRIEVANCE_") || k.startsWith("SPRING_"));
        // the demo is the default profile; the URL comes the way an operator gives it
        builder.environment().put("GRIEVANCE_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/grievance");
        builder.environment().put("GRIEVANCE_DB_USER", "grievance");
        if (onAnyDatabase) {
            builder.environment().put("GRIEVANCE_DEMO_ON_ANY_DATABASE", "true");
        }
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("did not exit:\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new Exited(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    void theDemoRefusesAPostgresqlDatabaseBeforeConnecting() throws Exception {
        Exited demo = run(false);
        // the start failed (an exception out of main: exit 1), not a crash or a kill
        assertThat(demo.code()).as(demo.output()).isEqualTo(1);
        assertThat(demo.output()).contains("APPLICATION FAILED TO START")
                .contains("Refusing to start the demo on a jdbc:postgresql database")
                .contains("GRIEVANCE_DEMO_ON_ANY_DATABASE=true")
                // before any connection, and without the address
                .doesNotContain("HikariPool").doesNotContain("127.0.0.1").doesNotContain("ENGINE-");
    }

    @Test
    void theDemoRunsOnAnotherDatabaseOnlyWhenToldExplicitly() throws Exception {
        Exited demo = run(true);
        // past the check: it tries the database (nothing listens there) and fails on that instead
        assertThat(demo.output()).doesNotContain("Refusing to start the demo").contains("HikariPool");
        assertThat(demo.code()).as(demo.output()).isEqualTo(1);
    }
}
