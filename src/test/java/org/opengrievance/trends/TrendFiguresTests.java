package org.opengrievance.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.JsonAnswers;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.SqlRecorder;
import org.opengrievance.support.StaffSteps;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The director's trend figures over HTTP for a known set of cases received September–November 2024 (months no
 * other test uses), each driven through intake and the staff's tasks at its own instants: the counts, a rate
 * from an entered denominator, medians and 90th percentiles equal what this test computes from its own inputs;
 * filters narrow them; each chart's CSV holds its JSON rows; bad filters are 400s, an unknown chart a 404; only
 * the director may read them or enter a denominator.
 */
@GrievanceAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrendFiguresTests {

    static final String MERCY = "Mercy General Hospital";
    static final String PLAN = "Prairie Health Plan";
    static final String PERIOD = "from=2024-09&to=2024-11";

    /** A grievance answered in writing: receipt, mailing date, department, channel, HCAT coding. */
    record Answered(String receivedAt, String mailedAt, String department, String channel, String category,
            String severity, String harm) {

        double days() {
            return Duration.between(OffsetDateTime.parse(receivedAt).toInstant(),
                    OffsetDateTime.parse(mailedAt).toInstant()).toSeconds() / 86_400.0;
        }
    }

    /** The hospital's answered grievances; F's letter went out after its seventh day (due 2024-10-08). */
    static final List<Answered> ANSWERED = List.of(
            new Answered("2024-09-03T10:00:00-05:00", "2024-09-06T16:00:00-05:00", "Nursing", "LETTER", "QUALITY", "2", "1"),
            new Answered("2024-09-10T09:00:00-05:00", "2024-09-12T09:00:00-05:00", "Nursing", "EMAIL", "QUALITY", "2", "1"),
            new Answered("2024-09-16T08:00:00-05:00", "2024-09-21T20:00:00-05:00", "Medical staff", "LETTER", "SAFETY", "3", "3"),
            new Answered("2024-10-01T12:00:00-05:00", "2024-10-09T12:00:00-05:00", "Nursing", "LETTER", "QUALITY", "2", "1"));

    /** Open, coded, not yet answered: received 23:30 on 31 October in Chicago, which is 1 November in UTC. */
    static final String LATE_OCTOBER = "2024-10-31T23:30:00-05:00";

    @Autowired TestUsers users;
    @Autowired MutableClock appClock;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired TrendsService trendsService;

    @BeforeAll
    void driveTheKnownCases() {
        TrendRun run = new TrendRun(users, new StaffSteps(tasks, forms, identity), appClock);
        try {
            for (Answered a : ANSWERED) {
                String n = run.log(a.channel(), a.receivedAt(), a.department().equals("Nursing") ? "NURSING" : "PHYSICIAN", "");
                run.investigate(n, a.department().equals("Nursing") ? Role.NURSING_INVESTIGATOR : Role.MEDICAL_INVESTIGATOR,
                        a.category(), a.severity(), a.harm());
                run.answerByMail(n, a.mailedAt());
            }
            // a complaint resolved at the bedside, and a survey comment that is no grievance
            String bedside = run.log("IN_PERSON", "2024-09-18T11:00:00-05:00", "NURSING",
                    "\"resolvedAtPointOfCare\":true,\"pointOfCareResolution\":\"The nurse brought water at once.\"");
            run.confirm(bedside, "COMPLAINT");
            String survey = run.log("SURVEY", "2024-09-20T12:00:00-05:00", "DIETARY", "");
            run.confirm(survey, "NOT_A_GRIEVANCE");
            // a Medicare Advantage grievance: the plan's case, listed under the plan's name, still open
            String plan = run.log("PHONE", "2024-09-25T10:00:00-05:00", "OTHER",
                    "\"regimes\":[\"MEDICARE_ADVANTAGE\"],\"medicareBeneficiary\":true,\"memberId\":\"TRENDPLAN01\"");
            run.confirm(plan, "GRIEVANCE");
            String open = run.log("EMAIL", LATE_OCTOBER, "NURSING", "");
            run.investigate(open, Role.NURSING_INVESTIGATOR, "COMMUNICATION", "1", "0");
        } finally {
            ClockUtil.reset();
            appClock.set(GrievanceAppTest.NOW);
        }
    }

    @AfterEach
    void resetClock() {
        appClock.set(GrievanceAppTest.NOW);
    }

    JsonNode trends(String query) {
        JsonAnswers.Answer a = JsonAnswers.get(users.as(Role.DIRECTOR), "/api/director/trends?" + query);
        assertThat(a.status()).as(String.valueOf(a.body())).isEqualTo(200);
        return a.body();
    }

    static JsonNode chart(JsonNode trends, String id) {
        for (JsonNode c : trends.path("charts")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no chart " + id);
    }

    /** The chart's rows as "category=value" texts of the given columns, in order. */
    static List<String> rows(JsonNode chart, String... keys) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : chart.path("rows")) {
            List<String> cells = new ArrayList<>();
            for (String k : keys) {
                cells.add(row.path(k).isNull() ? "null" : row.path(k).asText());
            }
            out.add(String.join("|", cells));
        }
        return out;
    }

    /** Nearest rank, as the director's guide defines it: the value at rank ceil(p/100 * n) of the sorted values. */
    static BigDecimal nearestRank(List<Double> values, int p) {
        List<Double> sorted = values.stream().sorted().toList();
        double v = sorted.get((int) Math.ceil(p * sorted.size() / 100.0) - 1);
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP);
    }

    /** The fields of one RFC 4180 line: quoted fields may hold commas, a doubled quote is a quote. */
    static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    void enter(String month, String facility, long value) {
        var answer = users.as(Role.DIRECTOR).put().uri("/api/director/denominators/" + month)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"facility\":\"" + facility + "\",\"value\":" + value + "}").retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void countsByMonthAttributeEachCaseToItsReceiptMonthInTheFacilityZoneAndRateByTheEnteredPatientDays() {
        enter("2024-09", MERCY, 3900);
        enter("2024-09", MERCY, 4000); // replaces the first entry
        JsonNode byMonth = chart(trends(PERIOD + "&facility=" + MERCY), "byMonth");

        long septemberGrievances = ANSWERED.stream().filter(a -> a.receivedAt().startsWith("2024-09")).count();
        String rate = BigDecimal.valueOf(septemberGrievances * 1000).divide(BigDecimal.valueOf(4000), 2,
                RoundingMode.HALF_UP).toPlainString();
        assertThat(rows(byMonth, "month", "grievances", "complaints", "nonGrievances", "denominatorKind", "denominator",
                "ratePer1000")).containsExactly(
                        "2024-09|" + septemberGrievances + "|1|1|PATIENT_DAYS|4000|" + rate,
                        // F and the open one received late on 31 October (1 November in UTC)
                        "2024-10|2|0|0|PATIENT_DAYS|null|null",
                        "2024-11|0|0|0|PATIENT_DAYS|null|null");
        assertThat(byMonth.path("type").asText()).isEqualTo("bar");
        assertThat(byMonth.path("columns").get(0).path("numeric").asBoolean()).isFalse();
    }

    @Test
    void withoutAFacilityFilterThePlanCaseCountsAndThereIsNoRate() {
        JsonNode t = trends(PERIOD);
        assertThat(t.path("from").asText()).isEqualTo("2024-09");
        assertThat(t.path("facility").isNull()).isTrue();
        assertThat(rows(chart(t, "byMonth"), "month", "grievances", "denominator", "ratePer1000"))
                .containsExactly("2024-09|4|null|null", "2024-10|2|null|null", "2024-11|0|null|null");
    }

    @Test
    void thePlansCasesAreListedUnderThePlanNameAndRatedPerThousandMembers() {
        enter("2024-09", PLAN, 25000);
        JsonNode t = trends(PERIOD + "&facility=" + PLAN);
        assertThat(rows(chart(t, "byMonth"), "month", "grievances", "denominatorKind", "denominator", "ratePer1000"))
                .containsExactly("2024-09|1|MEMBERS|25000|0.04", "2024-10|0|MEMBERS|null|null",
                        "2024-11|0|MEMBERS|null|null");
        assertThat(rows(chart(t, "timeliness"), "regime", "onTime", "late", "extended", "open"))
                .containsExactly("Medicare Advantage|0|0|0|1");
    }

    @Test
    void codingChannelDepartmentAndRouteChartsCountTheGrievancesOfThePeriod() {
        JsonNode t = trends(PERIOD + "&facility=" + MERCY);
        assertThat(rows(chart(t, "byHcat"), "domain", "category", "count")).containsExactly(
                "Clinical|Quality|3", "Clinical|Safety|1", "Management|Environment|0",
                "Management|Institutional processes|0", "Relationships|Listening|0", "Relationships|Communication|1",
                "Relationships|Respect and patient rights|0");
        assertThat(rows(chart(t, "bySeverity"), "severity", "harmLevel", "count")).containsExactly(
                "1 – Low|0 – No harm|1", "2 – Medium|1 – Minimal harm|3", "3 – High|3 – Moderate harm|1");
        assertThat(rows(chart(t, "byChannel"), "channel", "count")).containsExactly("Letter|3", "Email|2");
        assertThat(rows(chart(t, "byDepartment"), "department", "count")).containsExactly("Nursing|4", "Medical staff|1");
        assertThat(rows(chart(t, "nonGrievancesByRoute"), "route", "count")).containsExactly("Survey feedback|1");
        // Quality · Nursing: A, B in September and F in October; every other pair has one grievance
        assertThat(rows(chart(t, "themes"), "theme", "count", "months")).containsExactly("Quality · Nursing|3|2");
    }

    @Test
    void responseDaysAreTheNearestRankMedianAndNinetiethPercentilePerDepartment() {
        JsonNode t = trends(PERIOD + "&facility=" + MERCY);
        Map<String, List<Double>> byDepartment = new LinkedHashMap<>();
        ANSWERED.stream().sorted(Comparator.comparing(Answered::department))
                .forEach(a -> byDepartment.computeIfAbsent(a.department(), d -> new ArrayList<>()).add(a.days()));
        byDepartment.put("All departments", ANSWERED.stream().map(Answered::days).toList());
        List<String> expected = new ArrayList<>();
        byDepartment.forEach((d, days) -> expected.add(d + "|" + days.size() + "|" + nearestRank(days, 50) + "|"
                + nearestRank(days, 90)));
        assertThat(rows(chart(t, "responseDays"), "department", "cases", "medianDays", "p90Days"))
                .containsExactlyElementsOf(expected)
                // the values themselves, so a change of method shows: Nursing 2.0, 3.25, 8.0 days; Medical staff 5.5
                .containsExactly("Medical staff|1|5.5|5.5", "Nursing|3|3.3|8.0", "All departments|4|3.3|8.0");
    }

    @Test
    void timelinessCountsTheClocksDueInThePeriodOnceEach() {
        JsonNode t = trends(PERIOD + "&facility=" + MERCY);
        // A, B, C answered in their seven days; F after them; the late-October grievance is due 7 November, open
        assertThat(rows(chart(t, "timeliness"), "regime", "onTime", "late", "extended", "open"))
                .containsExactly("Hospital (CMS Conditions of Participation)|3|1|0|1");
    }

    @Test
    void openCasesAreBandedByDaysSinceReceiptInTheFacilityZone() {
        appClock.set(Instant.parse("2024-11-10T18:00:00Z"));
        JsonNode t = trends(PERIOD + "&facility=" + MERCY);
        // 31 October to 10 November: 10 days
        assertThat(rows(chart(t, "openByAge"), "ageBand", "count")).containsExactly("0–7 days|0", "8–14 days|1",
                "15–30 days|0", "31–60 days|0", "over 60 days|0");
        appClock.set(GrievanceAppTest.NOW);
        assertThat(rows(chart(trends(PERIOD), "openByAge"), "ageBand", "count")).containsExactly("0–7 days|0",
                "8–14 days|0", "15–30 days|0", "31–60 days|0", "over 60 days|2");
    }

    @Test
    void aDepartmentFilterNarrowsEveryChartToItsCases() {
        JsonNode t = trends(PERIOD + "&department=Medical staff");
        assertThat(t.path("department").asText()).isEqualTo("Medical staff");
        assertThat(rows(chart(t, "byMonth"), "month", "grievances", "complaints", "nonGrievances"))
                .containsExactly("2024-09|1|0|0", "2024-10|0|0|0", "2024-11|0|0|0");
        assertThat(rows(chart(t, "byDepartment"), "department", "count")).containsExactly("Medical staff|1");
        assertThat(rows(chart(t, "responseDays"), "department", "cases")).containsExactly("Medical staff|1",
                "All departments|1");
        assertThat(rows(chart(t, "timeliness"), "regime", "onTime")).containsExactly(
                "Hospital (CMS Conditions of Participation)|1");
    }

    @Test
    void theFiltersListTheFacilityThePlanAndTheDepartmentsAndTheDefaultPeriod() {
        JsonAnswers.Answer a = JsonAnswers.get(users.as(Role.DIRECTOR), "/api/director/trends/filters");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().path("facilities").toString()).contains("{\"name\":\"" + MERCY + "\",\"owner\":\"HOSPITAL\"}",
                "{\"name\":\"" + PLAN + "\",\"owner\":\"PLAN\"}");
        List<String> departments = new ArrayList<>();
        a.body().path("departments").forEach(d -> departments.add(d.asText()));
        assertThat(departments).contains("Nursing", "Medical staff");
        // the test clock's month in Chicago, and the eleven before it
        assertThat(a.body().path("defaultFrom").asText()).isEqualTo("2026-01");
        assertThat(a.body().path("defaultTo").asText()).isEqualTo("2026-12");
        assertThat(trends("").path("from").asText()).isEqualTo("2026-01");
    }

    @Test
    void eachChartsCsvHoldsItsJsonRowsUnderTheColumnLabels() {
        String query = PERIOD + "&facility=" + MERCY;
        enter("2024-09", MERCY, 4000);
        JsonNode t = trends(query);
        assertThat(t.path("charts")).hasSize(10);
        for (JsonNode chart : t.path("charts")) {
            var answer = users.as(Role.DIRECTOR).get().uri("/api/director/trends/" + chart.path("id").asText() + ".csv?"
                    + query).retrieve().toEntity(byte[].class);
            assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
            String[] lines = new String(answer.getBody(), StandardCharsets.UTF_8).split("\r\n");
            List<String> header = new ArrayList<>();
            chart.path("columns").forEach(c -> header.add(c.path("label").asText()));
            assertThat(cells(lines[0])).as(chart.path("id").asText()).isEqualTo(header);
            assertThat(lines).as(chart.path("id").asText()).hasSize(chart.path("rows").size() + 1);
            int i = 1;
            for (JsonNode row : chart.path("rows")) {
                List<String> cells = new ArrayList<>();
                chart.path("columns").forEach(c -> cells.add(row.path(c.path("key").asText()).isNull() ? ""
                        : row.path(c.path("key").asText()).asText()));
                assertThat(cells(lines[i++])).as(chart.path("id").asText()).isEqualTo(cells);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"from=2024-13", "from=24-09", "from=2024-11&to=2024-09", "from=2014-01&to=2024-12",
            "facility=Nowhere Hospital", "department=Astrology", "to=2024-09-01"})
    void aBadFilterIsAProblemNamingTheParameterNeverTheValue(String query) {
        JsonAnswers.Answer a = JsonAnswers.get(users.as(Role.DIRECTOR), "/api/director/trends?" + query);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().toString()).doesNotContain("Nowhere", "Astrology", "2024-13", "24-09\"");
        JsonAnswers.Answer csv = JsonAnswers.get(users.as(Role.DIRECTOR), "/api/director/trends/byMonth.csv?" + query);
        assertThat(csv.status()).isEqualTo(400);
    }

    @Test
    void theFiguresReadOnlyTheReadModelInAFewStatements() {
        SqlRecorder.Recorded<Trends> answer = SqlRecorder.record(() -> trendsService.compute(
                new TrendQuery(YearMonth.of(2024, 9), YearMonth.of(2024, 11), MERCY, null)));
        assertThat(answer.statements()).isNotEmpty().hasSizeLessThanOrEqualTo(8)
                .anyMatch(s -> s.toUpperCase(Locale.ROOT).contains("FROM GRIEVANCE_CASE"))
                .noneMatch(s -> s.toUpperCase(Locale.ROOT).contains("ACT_"));
        assertThat(answer.result().chart("byMonth").rows()).hasSize(3);
        assertThat(TrendsService.CHART_IDS).containsExactlyElementsOf(
                answer.result().charts().stream().map(Chart::id).toList());
    }

    @Test
    void anUnknownChartIsNotFound() {
        JsonAnswers.Answer a = JsonAnswers.get(users.as(Role.DIRECTOR), "/api/director/trends/byWeather.csv");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.contentType()).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"INTAKE", "AUDITOR", "PATIENT_RELATIONS", "NURSING_INVESTIGATOR", "CASE_MANAGER", "ADMIN",
            "APPEALS", "NO_GROUP"})
    void onlyTheDirectorReadsTheTrendsOrEntersADenominator(String role) {
        Role r = Role.valueOf(role);
        for (String path : List.of("/api/director/trends", "/api/director/trends/filters",
                "/api/director/trends/byMonth.csv", "/api/director/denominators")) {
            assertThat(JsonAnswers.get(users.as(r), path).status()).as(path).isEqualTo(403);
        }
        int put = users.as(r).put().uri("/api/director/denominators/2024-09").contentType(MediaType.APPLICATION_JSON)
                .body("{\"facility\":\"" + MERCY + "\",\"value\":1}").exchange((req, res) -> res.getStatusCode().value());
        assertThat(put).isEqualTo(403);
    }

    @Test
    void withoutCredentialsTheTrendsAnswer401() {
        assertThat(JsonAnswers.get(users.anonymous(), "/api/director/trends").status()).isEqualTo(401);
    }

    @Test
    void aDenominatorEntryReplacesTheEarlierOneAndSaysWhoEnteredItWhen() {
        appClock.set(Instant.parse("2026-12-10T18:00:00Z"));
        enter("2024-11", MERCY, 4100);
        enter("2024-11", MERCY, 4200);
        JsonAnswers.Answer a = JsonAnswers.get(users.as(Role.DIRECTOR), "/api/director/denominators?from=2024-11&to=2024-11");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body()).hasSize(1);
        JsonNode d = a.body().get(0);
        assertThat(d.path("month").asText()).isEqualTo("2024-11");
        assertThat(d.path("facility").asText()).isEqualTo(MERCY);
        assertThat(d.path("kind").asText()).isEqualTo("PATIENT_DAYS");
        assertThat(d.path("value").asLong()).isEqualTo(4200);
        assertThat(d.path("enteredBy").asText()).isEqualTo(Role.DIRECTOR.userId());
        assertThat(OffsetDateTime.parse(d.path("enteredAt").asText()).toInstant()).isEqualTo(GrievanceAppTest.NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-11|{\"facility\":\"Mercy General Hospital\",\"value\":0}",
            "2024-11|{\"facility\":\"Mercy General Hospital\",\"value\":-5}",
            "2024-11|{\"facility\":\"Mercy General Hospital\",\"value\":14.5}",
            "2024-11|{\"facility\":\"Mercy General Hospital\",\"value\":\"4100\"}",
            "2024-11|{\"facility\":\"Mercy General Hospital\"}",
            "2024-11|{\"facility\":\"Nowhere Hospital\",\"value\":4100}",
            "2024-11|{\"value\":4100}",
            "2027-01|{\"facility\":\"Mercy General Hospital\",\"value\":4100}",
            "2024-1|{\"facility\":\"Mercy General Hospital\",\"value\":4100}"})
    void aBadDenominatorIsAProblem(String monthAndBody) {
        String[] parts = monthAndBody.split("\\|", 2);
        var answer = users.as(Role.DIRECTOR).put().uri("/api/director/denominators/" + parts[0])
                .contentType(MediaType.APPLICATION_JSON).body(parts[1])
                .exchange((req, res) -> new Object[] {res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)});
        assertThat(answer[0]).as(String.valueOf(answer[1])).isEqualTo(400);
        assertThat((String) answer[1]).doesNotContain("Nowhere");
    }
}
