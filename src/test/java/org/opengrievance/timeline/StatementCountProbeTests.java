package org.opengrievance.timeline;

import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.timeline.CaseDriver.chicago;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Not a rule: prints the statements an intake, a whole hospital lifecycle and each timer firing execute, by table
 * (H2, every thread, HTTP included). Run with {@code ./mvnw test -Pprobe} (tag "probe", excluded from every other
 * run: it has its own Spring context, the counting DataSource, and asserts no rule).
 */
@GrievanceAppTest
@Import(StatementProbe.class)
@Tag("probe")
class StatementCountProbeTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired MutableClock clock;
    CaseDriver cases;

    @BeforeEach
    void setUp() {
        cases = new CaseDriver(users, tasks, runtime, management, clock);
    }

    @AfterEach
    void resetTime() {
        cases.resetTime();
    }

    @Test
    void printsTheStatementsOfAnIntakeALifecycleAndEachFiring() {
        // warm-up: caches of the engine (deployments, forms) filled once, as in a running server
        cases.hospitalLifecycle();
        cases.resetTime();
        measure("intake", () -> {
            cases.now(chicago("12:00"));
            return cases.logCase("LETTER", "2026-12-04T16:30:00-06:00", "NURSING", "");
        });
        cases.resetTime();
        measure("lifecycle (intake + 8 tasks, HTTP incl. form reads)", cases::hospitalLifecycle);
        cases.resetTime();

        cases.now(chicago("12:00"));
        String n = cases.logCase("LETTER", "2026-12-04T16:30:00-06:00", "NURSING", "");
        cases.now(chicago("12:10"));
        cases.complete(n, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        cases.now(chicago("13:00"));
        measure("firing reminderTimer", () -> fire(n, "reminderTimer"));
        cases.now(Instant.parse("2026-12-11T12:00:00Z"));
        measure("firing interimNoticeTimer", () -> fire(n, "interimNoticeTimer"));
        cases.now(Instant.parse("2026-12-12T00:00:00Z"));
        measure("firing escalationTimer", () -> fire(n, "escalationTimer"));
        cases.now(Instant.parse("2026-12-12T06:30:00Z"));
        measure("firing breachTimer", () -> fire(n, "breachTimer"));
    }

    private String fire(String n, String timer) {
        cases.fire(n, "hospitalClock", timer);
        return n;
    }

    /** bench/Bench.java classifies by the first line of the statement in PostgreSQL's log. */
    private static long benchOurs(List<String> done) {
        java.util.regex.Pattern table = java.util.regex.Pattern.compile("(?:FROM|INTO|UPDATE)\\s+([A-Z_\\.]+)");
        return done.stream().map(s -> s.split("\n-- from ")[0].split("\n", -1)[0].trim().toUpperCase(java.util.Locale.ROOT))
                .filter(first -> {
                    java.util.regex.Matcher m = table.matcher(first);
                    return !(m.find() && m.group(1).startsWith("ACT_"));
                }).count();
    }

    private void measure(String what, Supplier<String> work) {
        StatementProbe.start();
        work.get();
        List<String> done = StatementProbe.stop();
        Map<String, Integer> byTable = StatementProbe.byTable(done);
        long ours = done.stream().filter(s -> !StatementProbe.byTable(List.of(s)).keySet().iterator().next()
                .startsWith("engine")).count();
        StringBuilder out = new StringBuilder("PROBE " + what + ": " + done.size() + " statements, ours " + ours
                + ", ours as bench/Bench.java's first-line count sees them " + benchOurs(done) + "\n");
        byTable.forEach((k, v) -> out.append("PROBE   ").append(v).append(' ').append(k).append('\n'));
        if (Boolean.getBoolean("probe.sql")) {
            done.forEach(s -> out.append("PROBESQL ").append(s.replaceAll("\\s+", " ")).append('\n'));
        }
        System.out.println(out);
    }
}
