package org.opengrievance.casesearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.JsonAnswers;
import org.opengrievance.support.JsonAnswers.Answer;
import org.opengrievance.support.RecordedSql;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With a few thousand closed cases, the search reads the read model and nothing of the engine: every statement
 * the application sends while it answers is recorded (RecordedSql) and none names one of Camunda's ACT_
 * tables, except the sign-in's identity lookups (ACT_ID_), which every request signed in with HTTP Basic makes
 * before any controller runs. The figures are printed, not asserted: timing depends on the machine.
 */
@GrievanceAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchReadModelTests {

    static final String PREFIX = "GRV-1990-";
    static final int CASES = 3000;

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
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
        String[] searches = {
            "/api/audit/cases?caseNumber=" + PREFIX,
            "/api/audit/cases?caseNumber=" + PREFIX + "&regime=MEDICARE_ADVANTAGE&late=true&size=100",
            "/api/audit/cases?caseNumber=" + PREFIX + "&patientName=patient 12&department=nursing&hcatCategory=COMMUNICATION",
            "/api/audit/cases?caseNumber=" + PREFIX + "&receivedFrom=2025-03-01&receivedTo=2025-03-31&status=CLOSED"
                    + "&classification=GRIEVANCE&page=2&size=10"};
        for (String search : searches) {
            List<String> statements;
            Answer answer;
            long start = System.nanoTime();
            try (RecordedSql.Recording recording = RecordedSql.record()) {
                answer = JsonAnswers.get(users.as(Role.AUDITOR), search);
                statements = recording.statements();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer.status()).as(search).isEqualTo(200);
            List<String> signIn = statements.stream().filter(s -> upper(s).contains("ACT_ID_")).toList();
            List<String> search_ = statements.stream().filter(s -> !upper(s).contains("ACT_ID_")).toList();
            assertThat(search_).as("the statements of " + search).isNotEmpty()
                    .anyMatch(s -> upper(s).contains("FROM GRIEVANCE_CASE"))
                    .noneMatch(s -> upper(s).contains("ACT_"));
            assertThat(signIn).as("identity lookups of the sign-in only").allMatch(s -> !upper(s).contains("ACT_HI_")
                    && !upper(s).contains("ACT_RU_") && !upper(s).contains("ACT_RE_"));
            System.out.printf(Locale.ROOT, "case search read model: %s -> total %d, %d listed, %d statements "
                    + "(%d of them the sign-in's), %d ms%n", search, answer.body().get("total").asLong(),
                    answer.body().get("cases").size(), statements.size(), signIn.size(), millis);
        }
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
