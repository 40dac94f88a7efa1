package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.security.SecurityTestSupport.Answer;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hostile request bodies against the project's API, signed in as intake staff. What is invalid is refused
 * with a 4xx problem and stores nothing; markup and SQL in free text are valid text, stored and returned
 * verbatim, never interpreted.
 */
@GrievanceAppTest
class HostileInputTests {

    @Autowired TestUsers users;
    @Autowired GrievanceCaseRepository cases;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper applicationMapper;
    final ObjectMapper json = new ObjectMapper();
    SecurityTestSupport http;

    @BeforeEach
    void setUp() {
        http = new SecurityTestSupport(users);
    }

    Map<String, Object> valid() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "EMAIL");
        body.put("receivedAt", "2026-12-04T16:30:00-06:00");
        body.put("patientName", "Pat Testpatient");
        body.put("complaintText", "The meals arrived cold three days running.");
        body.put("serviceArea", "DIETARY");
        body.put("preferredLanguage", "en");
        return body;
    }

    String text(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Answer postBytes(byte[] body, boolean chunked) {
        var request = users.as(Role.INTAKE).post().uri("/api/grievances").contentType(MediaType.APPLICATION_JSON);
        request = chunked ? request.body(out -> out.write(body)) : request.body(body);
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), res.getHeaders()));
    }

    /** Runs a request that must be refused and checks that neither a case row nor a process was left. */
    Answer refused(java.util.function.Supplier<Answer> request) {
        long rows = cases.count();
        long processes = history.createHistoricProcessInstanceQuery().count();
        Answer answer = request.get();
        assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContainIgnoringCase("select ")
                .doesNotContainIgnoringCase("insert into");
        assertThat(cases.count()).isEqualTo(rows);
        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(processes);
        return answer;
    }

    @ParameterizedTest(name = "a body over 64 KiB is refused (chunked: {0})")
    @ValueSource(booleans = {false, true})
    void oversizedBodyIsA413Problem(boolean chunked) {
        Map<String, Object> body = valid();
        body.put("complaintText", "x".repeat(70 * 1024));
        Answer answer = refused(() -> postBytes(text(body).getBytes(StandardCharsets.UTF_8), chunked));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:grievance:problem:payload-too-large");
    }

    @Test
    void deeplyNestedJsonIsA400Problem() throws Exception {
        String deep = "[".repeat(500) + "]".repeat(500);
        Map<String, Object> body = valid();
        String nested = text(body).replace("\"preferredLanguage\"", "\"nested\":" + deep + ",\"preferredLanguage\"");
        assertThat(refused(() -> postBytes(nested.getBytes(StandardCharsets.UTF_8), false)).status()).isEqualTo(400);
        assertThat(refused(() -> postBytes(deep.getBytes(StandardCharsets.UTF_8), false)).status()).isEqualTo(400);
        // the application's JSON reading itself stops at the nesting limit, whatever the target type
        assertThatThrownBy(() -> applicationMapper.readTree("[".repeat(21) + "]".repeat(21)))
                .isInstanceOf(StreamConstraintsException.class);
        assertThat(applicationMapper.readTree("[".repeat(20) + "]".repeat(20)).isArray()).isTrue();
    }

    @Test
    void unknownFieldsAreRefused() {
        Map<String, Object> body = valid();
        body.put("isAdmin", true);
        Answer answer = refused(() -> http.post(Role.INTAKE, "/api/grievances", text(body)));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly("isAdmin");
    }

    @ParameterizedTest(name = "control character U+{0} in a text field is refused")
    @ValueSource(strings = {"0000", "0007", "0008", "000B", "000C", "001B", "007F", "0085", "009B"})
    void controlCharactersAreRefusedNamingTheField(String code) {
        char c = (char) Integer.parseInt(code, 16);
        for (String field : new String[] {"patientName", "complaintText", "pointOfCareResolution"}) {
            Map<String, Object> body = valid();
            body.put(field, "Pat" + c + "Testpatient");
            Answer answer = refused(() -> http.post(Role.INTAKE, "/api/grievances", text(body)));
            assertThat(answer.status()).isEqualTo(400);
            JsonNode error = answer.json().get("errors").get(0);
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("message").asText()).isEqualTo(org.opengrievance.text.PrintableText.RULE);
        }
    }

    @Test
    void halfASurrogatePairIsRefused() {
        String body = text(valid()).replace("Pat Testpatient", "Pat \\ud800 Testpatient");
        Answer answer = refused(() -> http.post(Role.INTAKE, "/api/grievances", body));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors").findValuesAsText("field")).containsExactly("patientName");
    }

    @Test
    void tabsAndLineBreaksAreText() {
        Map<String, Object> body = valid();
        body.put("complaintText", "First line.\r\nSecond line,\tindented.\nThird.");
        Answer created = http.post(Role.INTAKE, "/api/grievances", text(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        GrievanceCase row = cases.findByCaseNumber(created.json().get("caseNumber").asText()).orElseThrow();
        assertThat(row.complaintText()).isEqualTo("First line.\r\nSecond line,\tindented.\nThird.");
    }

    @Test
    void invalidUtf8IsA400Problem() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] halves = text(valid()).split("Testpatient");
        bytes.write(halves[0].getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE});
        bytes.write(halves[1].getBytes(StandardCharsets.UTF_8));
        Answer answer = refused(() -> postBytes(bytes.toByteArray(), false));
        assertThat(answer.status()).isEqualTo(400);
    }

    static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    static final String SQL = "Robert'); DROP TABLE grievance_case;--";

    @Test
    void markupAndSqlInFreeTextAreStoredVerbatimAndNeverExecuted() {
        Map<String, Object> body = valid();
        body.put("patientName", SQL);
        body.put("complaintText", SCRIPT + " and " + SQL + " \" OR 1=1 -- ${7*7} #{7*7} {{7*7}}");
        long rowsBefore = jdbc.sql("SELECT COUNT(*) FROM grievance_case").query(Long.class).single();
        Answer created = http.post(Role.INTAKE, "/api/grievances", text(body));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        assertThat(created.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        String caseNumber = created.json().get("caseNumber").asText();

        // the table is still there with every row it had plus this one, the text is exactly what was sent
        assertThat(jdbc.sql("SELECT COUNT(*) FROM grievance_case").query(Long.class).single()).isEqualTo(rowsBefore + 1);
        GrievanceCase row = cases.findByCaseNumber(caseNumber).orElseThrow();
        assertThat(row.patientName()).isEqualTo(SQL);
        assertThat(row.complaintText()).isEqualTo(body.get("complaintText"));

        // and comes back unchanged through GET: the process variables (engine-rest) and the case's closure note
        String pid = row.processInstanceId();
        Answer variable = http.get(Role.PATIENT_RELATIONS, "/engine-rest/process-instance/" + pid + "/variables/complaintText");
        assertThat(variable.status()).isEqualTo(200);
        assertThat(variable.json().get("value").asText()).isEqualTo(body.get("complaintText"));
        Answer name = http.get(Role.PATIENT_RELATIONS, "/engine-rest/process-instance/" + pid + "/variables/patientName");
        assertThat(name.json().get("value").asText()).isEqualTo(SQL);

        String note = SCRIPT + " " + SQL;
        Answer withdrawn = http.post(Role.PATIENT_RELATIONS, "/api/grievances/" + caseNumber + "/withdrawal",
                text(Map.of("note", note)));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        Answer read = http.get(Role.PATIENT_RELATIONS, "/api/grievances/" + caseNumber);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith("application/json");
        assertThat(read.json().get("closure").get("note").asText()).isEqualTo(note);
        assertThat(read.headers().getFirst("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM grievance_case").query(Long.class).single()).isEqualTo(rowsBefore + 1);
    }

    @ParameterizedTest(name = "case number {0} is answered {1}")
    @CsvSource(delimiter = '|', value = {
            "' OR '1'='1 | 404 | application/problem+json",
            // a semicolon is a path parameter: the firewall refuses the address before any code sees it
            "GRV-2026-000001'; DROP TABLE grievance_case;-- | 400 | application/problem+json",
            "<img src=x onerror=alert(1)> | 404 | application/problem+json"})
    void hostileCaseNumbersInThePathAreAPlainProblem(String caseNumber, int status, String type) {
        long cases = jdbc.sql("SELECT COUNT(*) FROM grievance_case").query(Long.class).single();
        Answer answer = users.as(Role.PATIENT_RELATIONS).get().uri("/api/grievances/{n}", caseNumber)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(),
                        res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), res.getHeaders()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith(type);
        // nothing ran: the table is still there, with as many cases as before
        assertThat(jdbc.sql("SELECT COUNT(*) FROM grievance_case").query(Long.class).single()).isEqualTo(cases);
    }
}
