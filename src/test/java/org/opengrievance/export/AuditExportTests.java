package org.opengrievance.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.clock.ExpediteTrigger;
import org.opengrievance.clock.Requester;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.regime.Regime;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit exports over HTTP for a known set of grievances driven through the engine in March 2024 (before and
 * after the change to daylight saving time in Chicago): each export equals the CSV committed with this test,
 * its XLSX holds the same cells, the read is in the PHI access log; an export with a missing mandatory value is
 * refused naming the case and field; bad parameters are a 400 naming the parameter; intake staff are refused.
 */
@GrievanceAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditExportTests {

    static final String MARCH = "?from=2024-03-01&to=2024-03-31";

    @Autowired ProcessEngine engine;
    @Autowired IntakeService intake;
    @Autowired CaseClocks clocks;
    @Autowired MutableClock appClock;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    /** The known cases' numbers by the letter the expected files use ({A} ... {H}). */
    final Map<String, String> cases = new LinkedHashMap<>();

    @BeforeAll
    void driveTheKnownCases() {
        AbstractAssertions.init(engine);
        ExportCases run = new ExportCases(engine, intake, clocks, appClock);
        try {
            // A: a written hospital grievance, answered on time across the change to daylight saving time
            ProcessInstance a = run.open(ExportCases.request(Channel.LETTER, "2024-03-08T09:15:00-06:00", "Avery Quinn",
                    "The meals arrived cold three days running.", ServiceArea.DIETARY, List.of(Regime.HOSPITAL_COP),
                    null, false, null));
            run.acknowledgeOrally(a, "2024-03-08T11:00:00-06:00");
            run.investigateAndDraft(a, "investigators-support-services");
            run.approve(a, "2024-03-12T14:00:00-05:00");
            run.mail(a, "2024-03-12T16:30:00-05:00");
            run.close(a, "2024-03-13T09:00:00-05:00");
            cases.put("A", a.getBusinessKey());

            // B: a hospital grievance whose letter went out two days after the seventh day
            ProcessInstance b = run.open(ExportCases.request(Channel.EMAIL, "2024-03-11T08:00:00-05:00", "Sam Porter",
                    "Nobody answered the call bell at night.", ServiceArea.NURSING, List.of(Regime.HOSPITAL_COP),
                    null, false, null));
            run.acknowledgeOrally(b, "2024-03-11T09:00:00-05:00");
            run.investigateAndDraft(b, "investigators-nursing");
            run.approve(b, "2024-03-20T10:00:00-05:00");
            run.mail(b, "2024-03-20T15:00:00-05:00");
            run.close(b, "2024-03-21T09:00:00-05:00");
            cases.put("B", b.getBusinessKey());

            // C: a hospital grievance the patient withdrew (in the log, not in the universes)
            ProcessInstance c = run.open(ExportCases.request(Channel.PORTAL, "2024-03-14T13:20:00-05:00", "Dana Whit",
                    "The parking garage lift was out of order.", ServiceArea.FACILITIES, List.of(Regime.HOSPITAL_COP),
                    null, false, null));
            run.acknowledgeOrally(c, "2024-03-14T14:00:00-05:00");
            run.at("2024-03-15T10:00:00-05:00");
            ResponseEntity<String> withdrawn = users.as(Role.PATIENT_RELATIONS).post()
                    .uri("/api/grievances/" + c.getBusinessKey() + "/withdrawal")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body("{\"note\":\"The patient called to withdraw it.\"}").retrieve().toEntity(String.class);
            assertThat(withdrawn.getStatusCode().value()).isEqualTo(200);
            cases.put("C", c.getBusinessKey());

            // D: Medicare Advantage, by phone, extended by the plan, answered orally and in writing
            ProcessInstance d = run.open(ExportCases.request(Channel.PHONE, "2024-03-18T10:30:00-05:00",
                    "Jordan Lee Rivera", "The representative was rude, and said \"call back later\".", ServiceArea.OTHER,
                    List.of(Regime.MEDICARE_ADVANTAGE), null, false, "1eg4-te5-mk73"));
            run.mail(d, "2024-03-18T15:00:00-05:00");
            run.acknowledgeOrally(d, "2024-03-18T11:00:00-05:00");
            run.investigateAndDraft(d, "investigators-patient-relations");
            run.extend(d, Regime.MEDICARE_ADVANTAGE, Requester.PLAN, "2024-04-05T09:00:00-05:00", "2024-04-05T11:00:00-05:00");
            run.approve(d, "2024-04-22T09:30:00-05:00");
            run.at("2024-04-22T16:00:00-05:00");
            ResponseEntity<String> oral = users.as(Role.PATIENT_RELATIONS).post()
                    .uri("/api/grievances/" + d.getBusinessKey() + "/notifications/oral")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body("{\"kind\":\"RESOLUTION\",\"notifiedAt\":\"2024-04-22T15:45:00-05:00\",\"summary\":\"Called the enrollee.\"}")
                    .retrieve().toEntity(String.class);
            assertThat(oral.getStatusCode().value()).isEqualTo(200);
            run.mail(d, "2024-04-23T14:10:00-05:00");
            run.close(d, "2024-04-24T09:00:00-05:00");
            cases.put("D", d.getBusinessKey());

            // E: Medicare Advantage, expedited (the plan refused to expedite a determination): 24 hours
            ProcessInstance e = run.open(ExportCases.request(Channel.LETTER, "2024-03-25T13:45:30-05:00", "Morgan Blake",
                    "The plan refused to decide my surgery request quickly.", ServiceArea.PHYSICIAN,
                    List.of(Regime.MEDICARE_ADVANTAGE), ExpediteTrigger.MA_REFUSED_EXPEDITED_DETERMINATION, false,
                    "5RX7AA1TT92"));
            run.mail(e, "2024-03-25T15:00:00-05:00");
            run.acknowledgeOrally(e, "2024-03-25T15:30:00-05:00");
            run.investigateAndDraft(e, "investigators-medical-staff");
            run.approve(e, "2024-03-26T09:05:00-05:00");
            run.mail(e, "2024-03-26T11:20:15-05:00");
            run.close(e, "2024-03-26T12:00:00-05:00");
            cases.put("E", e.getBusinessKey());

            // F: Part D, quality of care, extended at the enrollee's request
            ProcessInstance f = run.open(ExportCases.request(Channel.FAX, "2024-03-27T11:00:00-05:00",
                    "Casey Morgan-Diaz", "My pharmacist gave me the wrong dose, twice.", ServiceArea.OTHER,
                    List.of(Regime.PART_D), null, true, "2EG4TE5MK74"));
            run.mail(f, "2024-03-27T16:00:00-05:00");
            run.acknowledgeOrally(f, "2024-03-27T12:00:00-05:00");
            run.investigateAndDraft(f, "investigators-patient-relations");
            run.extend(f, Regime.PART_D, Requester.ENROLLEE, "2024-04-10T10:00:00-05:00", "2024-04-10T12:00:00-05:00");
            run.approve(f, "2024-04-30T10:00:00-05:00");
            run.mail(f, "2024-05-01T09:00:00-05:00");
            run.close(f, "2024-05-01T10:00:00-05:00");
            cases.put("F", f.getBusinessKey());

            // H: Medicare Advantage, withdrawn by the enrollee: CMS leaves withdrawn grievances out of the universe
            ProcessInstance h = run.open(ExportCases.request(Channel.LETTER, "2024-03-29T10:00:00-05:00", "Taylor Brooks",
                    "The plan's letter about my benefits was confusing.", ServiceArea.OTHER,
                    List.of(Regime.MEDICARE_ADVANTAGE), null, false, "3AC4DE5FG67"));
            run.mail(h, "2024-03-29T15:00:00-05:00");
            run.acknowledgeOrally(h, "2024-03-29T16:00:00-05:00");
            run.at("2024-04-02T10:00:00-05:00");
            assertThat(users.as(Role.PATIENT_RELATIONS).post().uri("/api/grievances/" + h.getBusinessKey() + "/withdrawal")
                    .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                    .body("{\"note\":\"The enrollee withdrew it by phone.\"}").retrieve().toEntity(String.class)
                    .getStatusCode().value()).isEqualTo(200);
            cases.put("H", h.getBusinessKey());

            // G (May): Medicare Advantage with no member ID on file: the universe cannot name the enrollee
            ProcessInstance g = run.open(ExportCases.request(Channel.LETTER, "2024-05-06T10:00:00-05:00", "Riley Stone",
                    "The premium was charged twice.", ServiceArea.BILLING, List.of(Regime.MEDICARE_ADVANTAGE), null,
                    false, null));
            run.mail(g, "2024-05-06T15:00:00-05:00");
            run.acknowledgeOrally(g, "2024-05-06T16:00:00-05:00");
            run.investigateAndDraft(g, "investigators-patient-financial-services");
            run.approve(g, "2024-05-10T10:00:00-05:00");
            run.mail(g, "2024-05-10T15:00:00-05:00");
            run.close(g, "2024-05-11T09:00:00-05:00");
            cases.put("G", g.getBusinessKey());
        } finally {
            ClockUtil.reset();
            appClock.set(GrievanceAppTest.NOW);
        }
    }

    @AfterAll
    void reset() {
        AbstractAssertions.reset();
    }

    ResponseEntity<byte[]> get(Role role, String path) {
        return users.as(role).get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toEntity(byte[].class);
    }

    /** The expected file with the known cases' numbers in place of {A} ... {H}. */
    String expected(String file) throws IOException {
        String text = new ClassPathResource("export/" + file).getContentAsString(StandardCharsets.UTF_8);
        for (Map.Entry<String, String> c : cases.entrySet()) {
            text = text.replace("{" + c.getKey() + "}", c.getValue());
        }
        return text;
    }

    long accessLogRows(String export, String parameters) {
        return jdbc.sql("SELECT COUNT(*) FROM phi_access_log WHERE export_name = ? AND parameters = ? AND actor = ?"
                + " AND surface = 'EXPORT' AND action = 'export'")
                .params(export, parameters, Role.AUDITOR.userId()).query(Long.class).single();
    }

    @ParameterizedTest
    @CsvSource({"part-c-grievances", "part-d-grievances", "hospital-grievance-log", "timeliness"})
    void eachExportEqualsItsExpectedFileAndItsXlsxHasTheSameCells(String name) throws IOException {
        long logged = accessLogRows(name, "from=2024-03-01;to=2024-03-31;format=csv");
        ResponseEntity<byte[]> csv = get(Role.AUDITOR, "/api/audit/exports/" + name + ".csv" + MARCH);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo(name + "_2024-03-01_2024-03-31.csv");
        assertThat(csv.getHeaders().getCacheControl()).isEqualTo("no-store");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).as("RFC 4180 line ends").endsWith("\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(text.replace("\r\n", "\n")).isEqualTo(expected(name + ".csv"));
        assertThat(accessLogRows(name, "from=2024-03-01;to=2024-03-31;format=csv")).isEqualTo(logged + 1);

        // the workbook is its own PHI read: exactly one more row, not one that an earlier test left
        long loggedXlsx = accessLogRows(name, "from=2024-03-01;to=2024-03-31;format=xlsx");
        ResponseEntity<byte[]> xlsx = get(Role.AUDITOR, "/api/audit/exports/" + name + ".xlsx" + MARCH);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        assertThat(xlsx.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(cells(xlsx.getBody())).isEqualTo(CsvText.parse(text));
        assertThat(accessLogRows(name, "from=2024-03-01;to=2024-03-31;format=xlsx")).isEqualTo(loggedXlsx + 1);
    }

    /** Every cell of the workbook's one sheet as the text a person sees, row by row (empty cells as ""). */
    static List<List<String>> cells(byte[] workbook) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            int width = sheet.getRow(0).getLastCellNum();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    Cell cell = row == null ? null : row.getCell(i);
                    values.add(cell == null ? "" : format.formatCellValue(cell));
                }
                rows.add(values);
            }
            return rows;
        }
    }

    @Test
    void theDirectorMayExportAndIntakeStaffAreRefused() {
        assertThat(get(Role.DIRECTOR, "/api/audit/exports/timeliness.csv" + MARCH).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<byte[]> intakeStaff = get(Role.INTAKE, "/api/audit/exports/part-c-grievances.csv" + MARCH);
        assertThat(intakeStaff.getStatusCode().value()).isEqualTo(403);
        assertThat(intakeStaff.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(get(Role.PATIENT_RELATIONS, "/api/audit/exports/part-c-grievances.xlsx" + MARCH)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aCaseWithoutAMandatoryValueMakesTheUniverseRefuseNamingTheCaseAndField() throws IOException {
        long logged = jdbc.sql("SELECT COUNT(*) FROM phi_access_log WHERE export_name = 'part-c-grievances'")
                .query(Long.class).single();
        ResponseEntity<byte[]> refused = get(Role.AUDITOR, "/api/audit/exports/part-c-grievances.csv?from=2024-05-01&to=2024-05-31");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(refused.getBody());
        assertThat(problem.path("type").asText()).isEqualTo("urn:grievance:problem:invalid-export");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").get(0).path("row").asText()).isEqualTo(cases.get("G"));
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("Enrollee ID");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("is empty");
        assertThat(new String(refused.getBody(), StandardCharsets.UTF_8)).doesNotContain("Riley").doesNotContain("premium");
        // nothing was served, so nothing was read
        assertThat(jdbc.sql("SELECT COUNT(*) FROM phi_access_log WHERE export_name = 'part-c-grievances'")
                .query(Long.class).single()).isEqualTo(logged);
        // the same case is fine in the hospital's own reports: they need no member ID
        assertThat(get(Role.AUDITOR, "/api/audit/exports/timeliness.xlsx?from=2024-05-01&to=2024-05-31")
                .getStatusCode().value()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/audit/exports/part-e-grievances.csv?from=2024-03-01&to=2024-03-31|name",
            "/api/audit/exports/timeliness.pdf?from=2024-03-01&to=2024-03-31|format",
            "/api/audit/exports/timeliness.csv?to=2024-03-31|from",
            "/api/audit/exports/timeliness.csv?from=2024-03-01|to",
            "/api/audit/exports/timeliness.csv?from=2024-02-30&to=2024-03-31|from",
            "/api/audit/exports/timeliness.csv?from=2024-03-01&to=31.03.2024|to",
            "/api/audit/exports/timeliness.csv?from=2024-03-31&to=2024-03-01|to",
            "/api/audit/exports/timeliness.csv?from=2023-01-01&to=2024-02-01|to"})
    void aBadParameterIsA400NamingIt(String path, String parameter) throws IOException {
        ResponseEntity<byte[]> answer = get(Role.AUDITOR, path);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(answer.getBody());
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(parameter);
    }

    @Test
    void thirteenMonthsAreTheWidestRange() {
        assertThat(get(Role.AUDITOR, "/api/audit/exports/timeliness.csv?from=2023-01-01&to=2024-02-01")
                .getStatusCode().value()).isEqualTo(400);
        assertThat(get(Role.AUDITOR, "/api/audit/exports/timeliness.csv?from=2023-01-01&to=2024-01-31")
                .getStatusCode().value()).isEqualTo(200);
    }
}
