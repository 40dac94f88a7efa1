package org.opengrievance.casesearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.JsonAnswers;
import org.opengrievance.support.JsonAnswers.Answer;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code GET /api/audit/cases} over HTTP with the count cap at 3: the total is exact at and below the cap, and
 * above it the page says "more than 3" ({@code totalCapped}) while the pages go on. An application of its own
 * (the cap is read at start-up), so it runs with the isolated tests; its engine has its own name, so that closing
 * this context leaves any other engine of the JVM registered. Rows GRV-1993-…, removed after each test.
 */
@Tag("isolated")
@GrievanceAppTest
@TestPropertySource(properties = {"grievance.search.count-cap=3", "camunda.bpm.process-engine-name=searchcap"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CaseSearchCountCapTests {

    static final String PREFIX = "GRV-1993-";
    static final String MINE = "/api/audit/cases?caseNumber=" + PREFIX;
    static final OffsetDateTime FIRST = OffsetDateTime.parse("2026-10-01T10:00:00-05:00");

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    ReadModelRows rows;

    @BeforeEach
    void noRows() {
        rows = new ReadModelRows(jdbc, PREFIX);
        rows.deleteAll();
    }

    @AfterEach
    void removeRows() {
        rows.deleteAll();
    }

    /** {@code n} closed cases, one received a day after the other: the suffix 000001 is the oldest. */
    void cases(int n) {
        List<ReadModelRows.Row> generated = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            generated.add(rows.closed(String.format("%06d", i), "Cap Patient " + i, FIRST.plusDays(i))
                    .department(i == 1 ? "risk-management" : "nursing"));
        }
        rows.insert(generated);
    }

    @Test
    void theTotalIsExactAtAndBelowTheCap() {
        cases(3);
        JsonNode atTheCap = search(MINE);
        assertThat(atTheCap.get("total").asLong()).isEqualTo(3);
        assertThat(atTheCap.get("totalCapped").asBoolean()).isFalse();
        assertThat(atTheCap.get("cases")).hasSize(3);
        JsonNode below = search(MINE + "&department=nursing");
        assertThat(below.get("total").asLong()).isEqualTo(2);
        assertThat(below.get("totalCapped").asBoolean()).isFalse();
        JsonNode none = search(MINE + "&department=patient-relations");
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("totalCapped").asBoolean()).isFalse();
    }

    @Test
    void aboveTheCapTheTotalIsTheCapAndSaysSo() {
        cases(4);
        JsonNode above = search(MINE);
        assertThat(above.get("totalCapped").asBoolean()).isTrue();
        assertThat(above.get("total").asLong()).isEqualTo(3);
        // the list is not capped: every case of the page is there
        assertThat(above.get("cases")).hasSize(4);
        // a filter that narrows the search below the cap gets its exact total back
        JsonNode narrowed = search(MINE + "&department=nursing");
        assertThat(narrowed.get("total").asLong()).isEqualTo(3);
        assertThat(narrowed.get("totalCapped").asBoolean()).isFalse();
        // without filters: capped too (this class's four cases at least)
        assertThat(search("/api/audit/cases").get("totalCapped").asBoolean()).isTrue();
    }

    @Test
    void thePagesGoOnBeyondTheCap() {
        cases(5);
        JsonNode first = search(MINE + "&size=2");
        assertThat(numbers(first)).containsExactly(PREFIX + "000005", PREFIX + "000004");
        assertThat(first.get("totalCapped").asBoolean()).isTrue();
        // the third page starts after the fifth case: beyond the cap of 3, the list is still exact
        JsonNode third = search(MINE + "&size=2&page=2");
        assertThat(numbers(third)).containsExactly(PREFIX + "000001");
        assertThat(third.get("total").asLong()).isEqualTo(3);
        assertThat(third.get("totalCapped").asBoolean()).isTrue();
        assertThat(numbers(search(MINE + "&size=2&page=3"))).isEmpty();
    }

    private JsonNode search(String path) {
        Answer answer = JsonAnswers.get(users.as(Role.AUDITOR), path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("cases").forEach(c -> numbers.add(c.get("caseNumber").asText()));
        return numbers;
    }
}
