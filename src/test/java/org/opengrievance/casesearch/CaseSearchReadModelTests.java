package org.opengrievance.casesearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

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
 * one of Camunda's ACT_ tables, and each search finds exactly the generated cases it names. Over HTTP the same
 * search finds and pages them all. The timings are printed, not asserted: they depend on the machine.
 */
@GrievanceAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchReadModelTests {

    static final String PREFIX = "GRV-1990-";
    static final int CASES = 3000;
    static final OffsetDateTime FIRST = OffsetDateTime.parse("2025-01-01T08:00:00-06:00");

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
        OffsetDateTime first = FIRST;
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

    /** The generated cases (by their index) that a search must find, worked out from how they were generated. */
    static long generated(IntPredicate matches) {
        return IntStream.range(0, CASES).filter(matches).count();
    }

    static LocalDate receiptDay(int i) {
        return FIRST.plusHours(2L * i).atZoneSameInstant(ZoneId.of(ReadModelRows.ZONE)).toLocalDate();
    }

    @Test
    void theSearchReadsTheReadModelAndNoEngineTable() {
        // each search with the total it must find: a search that read nothing useful would not find them
        Map<Map<String, List<String>>, Long> searches = new LinkedHashMap<>();
        searches.put(Map.of("caseNumber", List.of(PREFIX)), (long) CASES);
        searches.put(Map.of("caseNumber", List.of(PREFIX), "regime", List.of("MEDICARE_ADVANTAGE"), "late", List.of("true"),
                "size", List.of("100")), generated(i -> i % 3 == 0 && i % 7 == 0));
        searches.put(Map.of("caseNumber", List.of(PREFIX), "patientName", List.of("patient 12"), "department",
                List.of("nursing"), "hcatCategory", List.of("COMMUNICATION")),
                generated(i -> String.valueOf(i).startsWith("12") && i % 4 == 0 && (i / 4) % 4 == 3));
        searches.put(Map.of("caseNumber", List.of(PREFIX), "receivedFrom", List.of("2025-03-01"), "receivedTo",
                List.of("2025-03-31"), "status", List.of("CLOSED"), "classification", List.of("GRIEVANCE"),
                "page", List.of("2"), "size", List.of("10")),
                generated(i -> receiptDay(i).getMonthValue() == 3 && receiptDay(i).getYear() == 2025));
        assertThat(searches.values()).as("every search finds some of the cases").allSatisfy(n -> assertThat(n).isPositive());
        signedInAsAuditor();
        try {
            for (Map.Entry<Map<String, List<String>>, Long> expected : searches.entrySet()) {
                Map<String, List<String>> filters = expected.getKey();
                long start = System.nanoTime();
                SqlRecorder.Recorded<CaseSearchPage> answer = SqlRecorder.record(() -> search.search(filters));
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(answer.statements()).as("the statements of " + filters).isNotEmpty()
                        .anyMatch(s -> upper(s).contains("FROM GRIEVANCE_CASE"))
                        .noneMatch(s -> upper(s).contains("ACT_"));
                assertThat(answer.result().total()).as("the total of " + filters).isEqualTo(expected.getValue());
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
