package org.opengrievance.casesearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.JsonAnswers;
import org.opengrievance.support.JsonAnswers.Answer;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/audit/cases} over HTTP: each filter includes the case it names and leaves out the one it does
 * not, receipt days are the facility's days, newest receipt first, pages, refusals naming the parameter, who
 * may search, and the PHI access log's row without the patient's name. The cases are read-model rows (the
 * search reads nothing else), numbered GRV-1991-… and removed afterwards.
 */
@GrievanceAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseSearchApiTests {

    static final String PREFIX = "GRV-1991-";
    /** every search of a filter is narrowed to this class's rows with the case-number filter */
    static final String MINE = "/api/audit/cases?size=100&caseNumber=" + PREFIX;
    static final String ALL = "/api/audit/cases?size=100";

    @Autowired TestUsers users;
    @Autowired JdbcTemplate jdbc;
    @Autowired RuntimeService runtime;
    ReadModelRows rows;

    // A: a closed hospital grievance, coded ENVIRONMENT in nursing, on time, received Monday 2 November 09:00 Chicago
    static final String A = PREFIX + "100001";
    // B: an open complaint under the hospital and Medicare Advantage, late, coded SAFETY in medical staff, received
    // Thursday 5 November 23:30 Chicago, which is already Friday 6 November in UTC
    static final String B = PREFIX + "200001";

    @BeforeAll
    void rows() {
        rows = new ReadModelRows(jdbc, PREFIX);
        rows.deleteAll();
        rows.insert(
                rows.closed("100001", "Ada Quillfeather", OffsetDateTime.parse("2026-11-02T09:00:00-06:00")),
                rows.closed("200001", "Bram Otherly", OffsetDateTime.parse("2026-11-05T23:30:00-06:00"))
                        .regimes("HOSPITAL_COP", "MEDICARE_ADVANTAGE").classification("COMPLAINT").open().late(true)
                        .hcat("SAFETY").department("medical-staff"),
                // three for the pages, received one after another in October
                rows.closed("300001", "Pia Pagewright", OffsetDateTime.parse("2026-10-01T10:00:00-05:00")),
                rows.closed("300002", "Pol Pagewright", OffsetDateTime.parse("2026-10-02T10:00:00-05:00")),
                rows.closed("300003", "Pim Pagewright", OffsetDateTime.parse("2026-10-03T10:00:00-05:00")));
    }

    @AfterAll
    void removeRows() {
        rows.deleteAll();
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("!caseNumber=" + PREFIX + "1", A, B),
                Arguments.of("!caseNumber=" + B.toLowerCase(), B, A),
                Arguments.of("patientName=QUILL", A, B),
                Arguments.of("patientName=bram o", B, A),
                Arguments.of("receivedTo=2026-11-04", A, B),
                Arguments.of("receivedFrom=2026-11-03", B, A),
                // 23:30 in Chicago on the 5th is the 6th in UTC: the facility's day counts
                Arguments.of("receivedFrom=2026-11-05&receivedTo=2026-11-05", B, A),
                Arguments.of("receivedFrom=2026-11-02&receivedTo=2026-11-02", A, B),
                Arguments.of("regime=MEDICARE_ADVANTAGE", B, A),
                Arguments.of("regime=HOSPITAL_COP&classification=GRIEVANCE", A, B),
                Arguments.of("classification=COMPLAINT", B, A),
                Arguments.of("status=CLOSED", A, B),
                Arguments.of("status=OPEN", B, A),
                Arguments.of("late=true", B, A),
                Arguments.of("late=false", A, B),
                Arguments.of("hcatCategory=ENVIRONMENT", A, B),
                Arguments.of("hcatCategory=SAFETY", B, A),
                Arguments.of("department=nursing", A, B),
                Arguments.of("department=medical-staff", B, A));
    }

    @ParameterizedTest(name = "{0} finds {1}, not {2} (! = on its own)")
    @MethodSource("filters")
    void eachFilterFindsTheCaseItNamesAndNotTheOther(String filter, String included, String excluded) {
        // the case-number filter narrows every other search to this class's rows; it is tested on its own (!)
        List<String> found = numbers(search(filter.startsWith("!") ? ALL + "&" + filter.substring(1) : MINE + "&" + filter));
        assertThat(found).contains(included).doesNotContain(excluded);
    }

    @Test
    void aCaseIsListedWithItsRegimesInstantsInTheFacilitysZoneAndItsInstance() {
        JsonNode b = only(search(ALL + "&caseNumber=" + B));
        assertThat(b.get("patientName").asText()).isEqualTo("Bram Otherly");
        assertThat(b.get("receivedAt").asText()).isEqualTo("2026-11-05T23:30:00-06:00");
        assertThat(b.get("regimes").toString()).isEqualTo("[\"HOSPITAL_COP\",\"MEDICARE_ADVANTAGE\"]");
        assertThat(b.get("classification").asText()).isEqualTo("COMPLAINT");
        assertThat(b.get("status").asText()).isEqualTo("OPEN");
        assertThat(b.get("late").asBoolean()).isTrue();
        assertThat(b.get("hcatCategory").asText()).isEqualTo("SAFETY");
        assertThat(b.get("department").asText()).isEqualTo("medical-staff");
        assertThat(b.get("responseDueAt").asText()).isEqualTo("2026-11-12T23:30:00-06:00");
        assertThat(b.get("closedAt").isNull()).isTrue();
        assertThat(b.get("processInstanceId").asText()).isEqualTo("readmodel-" + B);
        JsonNode a = only(search(ALL + "&caseNumber=" + A));
        assertThat(a.get("closedAt").asText()).isEqualTo("2026-11-07T09:00:00-06:00");
    }

    @Test
    void newestReceiptFirstInPagesWithTheTotal() {
        JsonNode first = search("/api/audit/cases?patientName=pagewright&size=2").body();
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(numbers(first)).containsExactly(PREFIX + "300003", PREFIX + "300002");
        JsonNode second = search("/api/audit/cases?patientName=pagewright&size=2&page=1").body();
        assertThat(numbers(second)).containsExactly(PREFIX + "300001");
        assertThat(second.get("total").asLong()).isEqualTo(3);
        JsonNode beyond = search("/api/audit/cases?patientName=pagewright&size=2&page=2").body();
        assertThat(numbers(beyond)).isEmpty();
        // without filters: every case, still newest first (a full first page: this class's five rows at least)
        JsonNode unfiltered = search("/api/audit/cases?size=100").body();
        long total = unfiltered.get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(5);
        List<OffsetDateTime> received = new ArrayList<>();
        unfiltered.get("cases").forEach(c -> received.add(OffsetDateTime.parse(c.get("receivedAt").asText())));
        assertThat(received).hasSize((int) Math.min(total, 100))
                .isSortedAccordingTo((x, y) -> y.toInstant().compareTo(x.toInstant()));
    }

    @Test
    void likeWildcardsInANameAreLiteral() {
        // (the client encodes them: the server receives a literal % and _)
        assertThat(numbers(search(MINE + "&patientName=%"))).isEmpty();
        assertThat(numbers(search(MINE + "&patientName=_"))).isEmpty();
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                Arguments.of("page=abc", "page"),
                Arguments.of("page=-1", "page"),
                Arguments.of("size=0", "size"),
                Arguments.of("size=101", "size"),
                Arguments.of("late=maybe", "late"),
                Arguments.of("receivedFrom=2026-13-01", "receivedFrom"),
                Arguments.of("receivedTo=12/01/2026", "receivedTo"),
                Arguments.of("receivedFrom=2026-11-05&receivedTo=2026-11-04", "receivedTo"),
                Arguments.of("regime=HOSPITAL", "regime"),
                Arguments.of("classification=not a code", "classification"),
                Arguments.of("department=nursing;drop", "department"),
                Arguments.of("caseNumber=GRV%", "caseNumber"),
                Arguments.of("status=OPEN&status=CLOSED", "status"),
                Arguments.of("clasification=GRIEVANCE", "clasification"));
    }

    @ParameterizedTest(name = "{0} is a 400 naming {1}")
    @MethodSource("badParameters")
    void aBadParameterIsAProblemNamingIt(String query, String parameter) {
        Answer answer = JsonAnswers.get(users.as(Role.AUDITOR), "/api/audit/cases?" + query);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.body().get("errors")).hasSize(1);
        assertThat(answer.body().get("errors").get(0).get("field").asText()).isEqualTo(parameter);
        assertThat(answer.body().toString()).doesNotContain("Exception").doesNotContain("SELECT");
    }

    @Test
    void auditorsAndTheDirectorSearchOtherRolesAreRefused() {
        assertThat(JsonAnswers.get(users.as(Role.AUDITOR), MINE).status()).isEqualTo(200);
        assertThat(JsonAnswers.get(users.as(Role.DIRECTOR), MINE).status()).isEqualTo(200);
        for (Role role : List.of(Role.INTAKE, Role.PATIENT_RELATIONS, Role.NURSING_INVESTIGATOR, Role.ADMIN)) {
            assertThat(JsonAnswers.get(users.as(role), MINE).status()).as(role.name()).isEqualTo(403);
        }
        assertThat(JsonAnswers.get(users.anonymous(), MINE).status()).isEqualTo(401);
    }

    @Test
    void aSearchIsInThePhiAccessLogWithItsFiltersButNotTheName() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM phi_access_log", Long.class);
        search(MINE + "&patientName=Quillfeather&status=CLOSED");
        var row = jdbc.queryForMap("""
                SELECT actor, surface, action, case_number, export_name, parameters FROM phi_access_log
                WHERE id = (SELECT MAX(id) FROM phi_access_log)""");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phi_access_log", Long.class)).isEqualTo(before + 1);
        assertThat(row.get("actor")).isEqualTo(Role.AUDITOR.userId());
        assertThat(row.get("surface")).isEqualTo("API");
        assertThat(row.get("action")).isEqualTo("search");
        assertThat(row.get("export_name")).isEqualTo("case-search");
        assertThat(row.get("case_number")).isNull();
        assertThat((String) row.get("parameters")).contains("caseNumber=" + PREFIX, "status=CLOSED", "patientName=")
                .doesNotContainIgnoringCase("quill");
    }

    @Test
    void aRefusedSearchListsNothingAndIsNotLogged() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM phi_access_log", Long.class);
        assertThat(JsonAnswers.get(users.as(Role.AUDITOR), MINE + "&late=perhaps").status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM phi_access_log", Long.class)).isEqualTo(before);
    }

    @Test
    void aCaseLoggedThroughIntakeIsFoundByItsPatientsName() {
        String body = """
                {"channel":"LETTER","receivedAt":"2026-12-04T16:30:00-06:00","patientName":"Pat Searchable-Realcase",
                 "complaintText":"The call bell went unanswered.","serviceArea":"NURSING",
                 "responseRequested":false,"preferredLanguage":"en"}""";
        String number = users.as(Role.INTAKE).post().uri("/api/grievances").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(JsonNode.class).get("caseNumber").asText();
        JsonNode found = only(search("/api/audit/cases?patientName=SEARCHABLE-realcase"));
        assertThat(found.get("caseNumber").asText()).isEqualTo(number);
        assertThat(found.get("regimes").toString()).isEqualTo("[\"HOSPITAL_COP\"]");
        assertThat(found.get("status").asText()).isEqualTo("OPEN");
        assertThat(found.get("receivedAt").asText()).isEqualTo("2026-12-04T16:30:00-06:00");
        // the engine's instance of that case, as Cockpit links to it
        assertThat(found.get("processInstanceId").asText()).isEqualTo(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(number).processDefinitionKey("grievance").singleResult().getId());
    }

    private Answer search(String path) {
        Answer answer = JsonAnswers.get(users.as(Role.AUDITOR), path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer;
    }

    private static List<String> numbers(Answer answer) {
        return numbers(answer.body());
    }

    private static List<String> numbers(JsonNode page) {
        List<String> numbers = new ArrayList<>();
        page.get("cases").forEach(c -> numbers.add(c.get("caseNumber").asText()));
        return numbers;
    }

    private static JsonNode only(Answer answer) {
        JsonNode cases = answer.body().get("cases");
        assertThat(cases.size()).as(answer.body().toString()).isEqualTo(1);
        return cases.get(0);
    }
}
