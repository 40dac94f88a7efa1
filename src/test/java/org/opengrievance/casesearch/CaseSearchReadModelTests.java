package org.opengrievance.casesearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.JsonAnswers;
import org.opengrievance.support.JsonAnswers.Answer;
import org.opengrievance.support.SqlRecorder;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * With a few thousand closed cases, the search reads the read model and nothing of the engine: every statement
 * it sends is recorded (SqlRecorder, on the thread that runs the search as the controller would) and none names
 * one of Camunda's ACT_ tables. Over HTTP the same search finds and pages them all. The figures are printed, not
 * asserted: timing depends on the machine.
 */
@GrievanceAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchReadModelTests {

    static final String PREFIX = "GRV-1990-";
    static final int CASES = 3000;

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired CaseSearch search;
    ReadModelRows rows;

    @BeforeAll
    void generate() {
        rows = new ReadModelRows(jdbc, PREFIX);
        rows.deleteAll();
        String[] departments = {"nursing", "medical-staff", "support-services", "patient-financial-services"};
        String[] categories = {"QUALITY", "SAFETY", "ENVIRONMENT", "COMMUNICATION"};
        List<ReadModelRows.Row> generated = new ArrayList<>();
        OffsetDateTime first = OffsetDateTime.parse("2025-01-01T08:00:00-06:00");
        for (int i = 0; i < CASES; i++) {
            ReadModelRows.Row row = rows.closed(String.format(Locale.ROOT, "%06d", i), "Generated Patient " + i,
                    first.plusHours(2L * i)).department(departments[i % 4]).hcat(categories[(i / 4) % 4]).late(i % 7 == 0);
            generated.add(i % 3 == 0 ? row.regimes("HOSPITAL_COP", "MEDICARE_ADVANTAGE") : row);
        }
        long start = System.nanoTime();
        rows.insert(generated);
        System.out.printf(Locale.ROOT, "case search read model: %d closed cases inserted in %d ms%n", CASES,
                (System.nanoTime() - start) / 1_000_000);
    }

    @AfterAll
    void remove() {
        rows.deleteAll();
    }

    @Test
    void theSearchReadsTheReadModelAndNoEngineTable() {
        List<Map<String, List<String>>> searches = List.of(
                Map.of("caseNumber", List.of(PREFIX)),
                Map.of("caseNumber", List.of(PREFIX), "regime", List.of("MEDICARE_ADVANTAGE"), "late", List.of("true"),
                        "size", List.of("100")),
                Map.of("caseNumber", List.of(PREFIX), "patientName", List.of("patient 12"), "department", List.of("nursing"),
                        "hcatCategory", List.of("COMMUNICATION")),
                Map.of("caseNumber", List.of(PREFIX), "receivedFrom", List.of("2025-03-01"), "receivedTo",
                        List.of("2025-03-31"), "status", List.of("CLOSED"), "classification", List.of("GRIEVANCE"),
                        "page", List.of("2"), "size", List.of("10")));
        signedInAsAuditor();
        try {
            for (Map<String, List<String>> filters : searches) {
                long start = System.nanoTime();
                SqlRecorder.Recorded<CaseSearchPage> answer = SqlRecorder.record(() -> search.search(filters));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(answer.statements()).as("the statements of " + filters).isNotEmpty()
                        .anyMatch(s -> upper(s).contains("FROM GRIEVANCE_CASE"))
                        .noneMatch(s -> upper(s).contains("ACT_"));
                System.out.printf(Locale.ROOT, "case search read model: %s -> total %d, %d listed, %d statements, "
                        + "%d ms%n", new TreeMap<>(filters), answer.result().total(), answer.result().cases().size(),
                        answer.statements().size(), millis);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The search runs here on the test's thread, as the controller runs it; the access log needs the person. */
    private static void signedInAsAuditor() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                Role.AUDITOR.userId(), null, List.of(new SimpleGrantedAuthority("auditor"))));
    }

    @Test
    void theGeneratedCasesAreAllFoundAndPaged() {
        Answer all = JsonAnswers.get(users.as(Role.AUDITOR), "/api/audit/cases?caseNumber=" + PREFIX + "&size=100&page=29");
        assertThat(all.body().get("total").asLong()).isEqualTo(CASES);
        assertThat(all.body().get("cases").size()).isEqualTo(100);
        // newest first: the last page ends with the first case generated
        assertThat(all.body().get("cases").get(99).get("caseNumber").asText()).isEqualTo(PREFIX + "000000");
    }

    private static String upper(String sql) {
        return sql.toUpperCase(Locale.ROOT);
    }
}
