package org.opengrievance.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.opengrievance.support.TestUsers.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * HIPAA audit controls: auditors (and the director) search the PHI access log by reader, case, surface and days
 * in the facility's zone, newest first and paginated, and export a date range as CSV; the search and the export are
 * themselves recorded. Nobody else reads it. A wrong parameter is a 400 naming it.
 */
@GrievanceAppTest
class AccessLogSearchTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestUsers users;
    @Autowired PhiAccessLog log;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    record Answer(int status, String contentType, String body, HttpHeaders headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    @AfterEach
    void clockBack() {
        clock.set(GrievanceAppTest.NOW);
    }

    Answer get(Role role, String path) {
        return users.as(role).get().uri(path).exchange((req, res) -> new Answer(res.getStatusCode().value(),
                String.valueOf(res.getHeaders().getContentType()),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), res.getHeaders()));
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A read recorded as {@code actor} at {@code at} (the log takes the person from the security context). */
    void recordRead(String actor, Instant at, String caseNumber) {
        clock.set(at);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                actor, null, AuthorityUtils.createAuthorityList("auditor")));
        try {
            log.caseRead(caseNumber, PhiAccessLog.CASE);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    static List<String> cases(JsonNode page) {
        return page.path("entries").findValuesAsText("caseNumber");
    }

    @Test
    void theAuditorFindsAReadersReadsNewestFirstPageByPage() {
        String reader = unique("reader");
        recordRead(reader, Instant.parse("2026-12-01T15:00:00Z"), "LOG-1");
        recordRead(reader, Instant.parse("2026-12-03T15:00:00Z"), "LOG-3");
        recordRead(reader, Instant.parse("2026-12-02T15:00:00Z"), "LOG-2");
        clock.set(GrievanceAppTest.NOW);

        JsonNode all = get(Role.AUDITOR, "/api/audit/access-log?actor=" + reader).json();
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(all.path("totalPages").asInt()).isEqualTo(1);
        assertThat(all.path("zone").asText()).isEqualTo("America/Chicago");
        assertThat(cases(all)).containsExactly("LOG-3", "LOG-2", "LOG-1");
        JsonNode newest = all.path("entries").get(0);
        assertThat(newest.path("actor").asText()).isEqualTo(reader);
        assertThat(newest.path("surface").asText()).isEqualTo("API");
        assertThat(newest.path("action").asText()).isEqualTo("case");
        assertThat(Instant.parse(newest.path("accessedAt").asText())).isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
        assertThat(newest.path("accessedAtLocal").asText()).isEqualTo("2026-12-03T09:00:00-06:00");

        JsonNode second = get(Role.AUDITOR, "/api/audit/access-log?actor=" + reader + "&size=2&page=1").json();
        assertThat(second.path("total").asLong()).isEqualTo(3);
        assertThat(second.path("totalPages").asInt()).isEqualTo(2);
        assertThat(second.path("page").asInt()).isEqualTo(1);
        assertThat(cases(second)).containsExactly("LOG-1");
    }

    @Test
    void daysAreCalendarDaysOfTheFacilityBothIncluded() {
        String reader = unique("reader");
        // 2026-12-08 23:30 in Chicago, though already the 9th in UTC
        recordRead(reader, Instant.parse("2026-12-09T05:30:00Z"), "LOG-8");
        recordRead(reader, Instant.parse("2026-12-09T06:00:00Z"), "LOG-9-START");
        recordRead(reader, Instant.parse("2026-12-10T05:59:59Z"), "LOG-9-END");
        recordRead(reader, Instant.parse("2026-12-10T06:00:00Z"), "LOG-10");
        clock.set(GrievanceAppTest.NOW);

        assertThat(cases(get(Role.AUDITOR, "/api/audit/access-log?actor=" + reader + "&from=2026-12-09&to=2026-12-09")
                .json())).containsExactly("LOG-9-END", "LOG-9-START");
        assertThat(cases(get(Role.AUDITOR, "/api/audit/access-log?actor=" + reader + "&to=2026-12-08").json()))
                .containsExactly("LOG-8");
        assertThat(cases(get(Role.AUDITOR, "/api/audit/access-log?actor=" + reader + "&from=2026-12-10").json()))
                .containsExactly("LOG-10");
    }

    @Test
    void theSearchFiltersByCaseAndSurfaceAndIsRecordedItself() {
        String caseNumber = unique("LOG-");
        String reader = unique("reader");
        recordRead(reader, GrievanceAppTest.NOW, caseNumber);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                unique("other"), null, AuthorityUtils.createAuthorityList("patient-relations")));
        try {
            log.caseRead(caseNumber, PhiAccessLog.LETTERS);
        } finally {
            SecurityContextHolder.clearContext();
        }

        JsonNode byCase = get(Role.DIRECTOR, "/api/audit/access-log?caseNumber=" + caseNumber).json();
        assertThat(byCase.path("total").asLong()).isEqualTo(2);
        assertThat(byCase.path("entries").findValuesAsText("action")).containsExactly("letters", "case");
        JsonNode none = get(Role.DIRECTOR, "/api/audit/access-log?caseNumber=" + caseNumber + "&surface=COCKPIT").json();
        assertThat(none.path("total").asLong()).isZero();
        assertThat(none.path("entries")).isEmpty();

        JsonNode searches = get(Role.AUDITOR, "/api/audit/access-log?actor=" + Role.DIRECTOR.userId()
                + "&surface=API&size=200").json();
        assertThat(searches.path("entries").findValuesAsText("parameters"))
                .contains("caseNumber=" + caseNumber + "&page=0&size=50",
                        "caseNumber=" + caseNumber + "&surface=COCKPIT&page=0&size=50");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM phi_access_log WHERE actor = ? AND action = 'search' "
                        + "AND export_name = 'access-log' AND parameters LIKE ?")
                .params(Role.DIRECTOR.userId(), "caseNumber=" + caseNumber + "%").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void theExportIsACsvOfTheRangeAndRecordsItselfAsAnExport() {
        String reader = unique("reader");
        String caseNumber = unique("LOG-");
        recordRead(reader, Instant.parse("2026-12-02T15:00:00Z"), caseNumber);
        // a spreadsheet must not take a cell for a formula
        recordRead("=HYPERLINK(1)", Instant.parse("2026-12-02T16:00:00Z"), caseNumber);
        clock.set(GrievanceAppTest.NOW);

        Answer csv = get(Role.AUDITOR, "/api/audit/access-log.csv?from=2026-12-02&to=2026-12-02&caseNumber=" + caseNumber);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.headers().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("attachment").contains("phi-access-log-2026-12-02-to-2026-12-02.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo(
                "id,accessed_at_utc,accessed_at_local,actor,surface,action,case_number,export_name,parameters");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).endsWith(",2026-12-02T16:00:00Z,2026-12-02T10:00:00-06:00,'=HYPERLINK(1),API,case,"
                + caseNumber + ",,");
        assertThat(lines[2]).endsWith(",2026-12-02T15:00:00Z,2026-12-02T09:00:00-06:00," + reader + ",API,case,"
                + caseNumber + ",,");

        // exactly one export row for this range and case (unique to this test), named as the CSV export
        JsonNode exports = get(Role.AUDITOR, "/api/audit/access-log?actor=" + Role.AUDITOR.userId()
                + "&surface=EXPORT&size=200").json();
        List<JsonNode> thisExport = new java.util.ArrayList<>();
        exports.path("entries").forEach(e -> {
            if (e.path("parameters").asText().equals("caseNumber=" + caseNumber + "&from=2026-12-02&to=2026-12-02")) {
                thisExport.add(e);
            }
        });
        assertThat(thisExport).as(exports.toString()).hasSize(1);
        assertThat(thisExport.get(0).path("exportName").asText()).isEqualTo("access-log.csv");
        assertThat(thisExport.get(0).path("action").asText()).isEqualTo("export");
        assertThat(thisExport.get(0).path("surface").asText()).isEqualTo("EXPORT");
    }

    @Test
    void onlyAuditorsAndTheDirectorReadTheLog() {
        for (Role role : List.of(Role.AUDITOR, Role.DIRECTOR)) {
            assertThat(get(role, "/api/audit/access-log").status()).as(role.name()).isEqualTo(200);
            assertThat(get(role, "/api/audit/access-log.csv?from=2026-12-10&to=2026-12-10").status()).as(role.name())
                    .isEqualTo(200);
        }
        for (Role role : List.of(Role.INTAKE, Role.PATIENT_RELATIONS, Role.NURSING_INVESTIGATOR, Role.ADMIN)) {
            Answer search = get(role, "/api/audit/access-log");
            assertThat(search.status()).as(role.name()).isEqualTo(403);
            assertThat(search.contentType()).startsWith("application/problem+json");
            assertThat(get(role, "/api/audit/access-log.csv?from=2026-12-10&to=2026-12-10").status()).as(role.name())
                    .isEqualTo(403);
        }
        // and with the webapp session: patient relations signed in to Tasklist
        WebappSession tasklist = users.webapp();
        assertThat(tasklist.logIn(Role.PATIENT_RELATIONS, "tasklist")).isEqualTo(200);
        assertThat(tasklist.send("GET", "/api/audit/access-log", null).statusCode()).isEqualTo(403);
        WebappSession cockpit = users.webapp();
        assertThat(cockpit.logIn(Role.AUDITOR, "cockpit")).isEqualTo(200);
        assertThat(cockpit.send("GET", "/api/audit/access-log", null, AccessSurface.HEADER, "cockpit").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aWrongParameterIsA400NamingIt() {
        record Case(String query, String field) {
        }
        for (Case c : List.of(new Case("access-log?from=2026-13-01", "from"), new Case("access-log?from=12/01/2026", "from"),
                new Case("access-log?to=2026-02-30", "to"), new Case("access-log?from=2026-12-09&to=2026-12-08", "to"),
                new Case("access-log?surface=PHONE", "surface"), new Case("access-log?size=0", "size"),
                new Case("access-log?size=201", "size"), new Case("access-log?page=-1", "page"),
                new Case("access-log?page=x", "page"), new Case("access-log?actor=a%20b", "actor"),
                new Case("access-log?caseNumber=GRV-2026-0000000000000001", "caseNumber"),
                new Case("access-log?actor=a&actor=b", "actor"), new Case("access-log?patient=x", "patient"),
                new Case("access-log.csv?to=2026-12-10", "from"), new Case("access-log.csv?from=2026-12-10", "to"),
                new Case("access-log.csv?from=2026-12-01&to=2026-12-10&page=1", "page"))) {
            Answer answer = get(Role.AUDITOR, "/api/audit/" + c.query());
            assertThat(answer.status()).as(c.query()).isEqualTo(400);
            assertThat(answer.contentType()).as(c.query()).startsWith("application/problem+json");
            assertThat(answer.json().path("errors").findValuesAsText("field")).as(c.query()).containsExactly(c.field());
        }
    }
}
