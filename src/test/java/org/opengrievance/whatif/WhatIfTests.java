package org.opengrievance.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.DIRECTOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What-if before deploy: a director's changed decision table, evaluated beside the deployed one for the open
 * cases, lists exactly the cases it would move with their old and new values, and changes nothing.
 */
@GrievanceAppTest
class WhatIfTests {

    static final ObjectMapper JSON = new ObjectMapper();
    // received 2026-12-04 16:30 Chicago: 7 days end at 2026-12-11 23:59:59.999 there, 5 days at 2026-12-09's end
    static final String RECEIVED = "2026-12-04T16:30:00-06:00";
    static final String HOSPITAL_DUE_7_DAYS = "2026-12-12T05:59:59.999Z";
    static final String HOSPITAL_DUE_5_DAYS = "2026-12-10T05:59:59.999Z";

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    @Autowired TestUsers users;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    @Autowired CaseClocks clocks;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        users.ensureCreated();
    }

    @Test
    void aShorterHospitalClockListsTheOpenHospitalCasesWithOldAndNewDueInstantsAndNotThePlanCases() {
        String hospital1 = logHospital("NURSING");
        String hospital2 = logHospital("DIETARY");
        String plan = logPlan();
        String changed = shipped("deadline-policy.dmn").replaceFirst("<text>7</text>", "<text>5</text>");
        assertThat(changed.indexOf("<text>5</text>")).as("the hospital rule's length")
                .isGreaterThan(changed.indexOf("\"HOSPITAL_COP\"")).isLessThan(changed.indexOf("\"MEDICARE_ADVANTAGE\""));
        Snapshot before = snapshot(List.of(hospital1, hospital2, plan));

        Answer answer = whatIf(DIRECTOR, changed, "application/xml");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("decisionId").asText()).isEqualTo("DeadlinePolicy");
        assertThat(json.path("evaluatedVersion").asInt()).isEqualTo(repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey("DeadlinePolicy").latestVersion().singleResult().getVersion());
        Map<String, JsonNode> moves = movesByCase(json);
        assertThat(moves.get(hospital1).toString()).isEqualTo(move(hospital1, "dueAt", "HOSPITAL_COP",
                HOSPITAL_DUE_7_DAYS, HOSPITAL_DUE_5_DAYS));
        assertThat(moves.get(hospital2).toString()).isEqualTo(move(hospital2, "dueAt", "HOSPITAL_COP",
                HOSPITAL_DUE_7_DAYS, HOSPITAL_DUE_5_DAYS));
        assertThat(moves).doesNotContainKey(plan);
        // the cases of other tests still open in this application are hospital cases too, and only those
        moves.values().forEach(m -> assertThat(m.path("regime").asText()).isEqualTo("HOSPITAL_COP"));
        assertThat(json.path("casesMoved").asInt()).isEqualTo(moves.size());
        assertThat(json.path("casesChecked").asInt()).isGreaterThanOrEqualTo(3).isGreaterThan(moves.size());
        assertThat(snapshot(List.of(hospital1, hospital2, plan))).isEqualTo(before);
        assertThat(lastRun()).isEqualTo(Map.of("run_by", DIRECTOR.userId(), "decision_id", "DeadlinePolicy",
                "cases_moved", moves.size()));
    }

    @Test
    void nursingRoutedToSupportServicesListsExactlyTheOpenNursingCases() {
        String nursing = logHospital("NURSING");
        String dietary = logHospital("DIETARY");
        String billing = logHospital("BILLING");
        String changed = shipped("routing.dmn").replace("<text>\"nursing\"</text>", "<text>\"support-services\"</text>");
        Snapshot before = snapshot(List.of(nursing, dietary, billing));

        Answer answer = whatIf(DIRECTOR, changed, "text/xml");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("decisionId").asText()).isEqualTo("DepartmentRouting");
        Map<String, JsonNode> moves = movesByCase(json);
        assertThat(moves.get(nursing).toString()).isEqualTo(move(nursing, "department", null, "nursing", "support-services"));
        assertThat(moves).doesNotContainKeys(dietary, billing);
        moves.values().forEach(m -> assertThat(m.path("oldValue").asText()).isEqualTo("nursing"));
        assertThat(json.path("casesMoved").asInt()).isEqualTo(moves.size());
        assertThat(snapshot(List.of(nursing, dietary, billing))).isEqualTo(before);
        assertThat(lastRun()).isEqualTo(Map.of("run_by", DIRECTOR.userId(), "decision_id", "DepartmentRouting",
                "cases_moved", moves.size()));
    }

    @Test
    void aBillingRuleChangedToComplaintListsTheVerbalBillingCasesStillAwaitingConfirmationOnly() {
        String billing = logVerbal("BILLING", "I was charged twice for the parking.");
        String nursing = logVerbal("OTHER", "The nurse was rude to my mother.");
        String confirmed = logVerbal("BILLING", "The invoice lists a scan I never had.");
        Task confirm = tasks.createTaskQuery().processInstanceBusinessKey(confirmed)
                .taskDefinitionKey("confirmClassification").singleResult();
        tasks.complete(confirm.getId(), Map.of("classification", "GRIEVANCE",
                "overrideReason", "The patient disputes the charge as a grievance."));
        String shipped = shipped("classification.dmn");
        int rule = shipped.indexOf("<rule id=\"Rule_billingNot489\">");
        int end = shipped.indexOf("</rule>", rule);
        String changed = shipped.substring(0, rule) + shipped.substring(rule, end)
                .replace("<text>\"NOT_A_GRIEVANCE\"</text>", "<text>\"COMPLAINT\"</text>") + shipped.substring(end);
        assertThat(changed).isNotEqualTo(shipped);
        Snapshot before = snapshot(List.of(billing, nursing, confirmed));

        Answer answer = whatIf(DIRECTOR, changed, "application/xml");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode json = answer.json();
        assertThat(json.path("decisionId").asText()).isEqualTo("GrievanceClassification");
        Map<String, JsonNode> moves = movesByCase(json);
        assertThat(moves.get(billing).toString()).isEqualTo(move(billing, "suggestedClassification", null,
                "NOT_A_GRIEVANCE", "COMPLAINT"));
        assertThat(moves).doesNotContainKeys(nursing, confirmed);
        assertThat(json.path("casesMoved").asInt()).isEqualTo(moves.size());
        assertThat(json.path("casesChecked").asLong()).isEqualTo(tasks.createTaskQuery()
                .taskDefinitionKey("confirmClassification").count());
        assertThat(snapshot(List.of(billing, nursing, confirmed))).isEqualTo(before);
    }

    @Test
    void theUnchangedTableMovesNothing() {
        logHospital("NURSING");
        Answer answer = whatIf(DIRECTOR, shipped("deadline-policy.dmn"), "application/xml");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("casesMoved").asInt()).isZero();
        assertThat(answer.json().path("moves")).isEmpty();
    }

    @Test
    void onlyTheDirectorMayRunAWhatIf() {
        for (Role role : List.of(INTAKE, AUDITOR, PATIENT_RELATIONS)) {
            long runs = runCount();
            Answer answer = whatIf(role, shipped("routing.dmn"), "application/xml");
            assertThat(answer.status()).as(role.name()).isEqualTo(403);
            assertThat(runCount()).as(role.name()).isEqualTo(runs);
        }
    }

    @Test
    void aFileThatIsNotOneOfTheThreeTablesOrDoesNotParseIsRefusedWith400AndNoInternals() {
        String broken = shipped("routing.dmn").replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\"");
        String otherDecision = shipped("handoff-policy.dmn");
        String unclosed = shipped("routing.dmn").substring(0, 900);
        for (String garbage : List.of("not xml at all", "<a><b></a>", unclosed, broken, otherDecision)) {
            long runs = runCount();
            Answer answer = whatIf(DIRECTOR, garbage, "application/xml");
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.body()).doesNotContain("org.camunda", "Exception", "SOMETIMES");
            assertThat(runCount()).isEqualTo(runs);
        }
        assertThat(whatIf(DIRECTOR, "{\"a\":1}", "application/json").status()).isEqualTo(415);
    }

    // --- helpers

    record Snapshot(long deployments, long decisions, long variables, long historicVariables, long caseRows,
            List<String> dueInstants, List<String> departments) {
    }

    private Snapshot snapshot(List<String> caseNumbers) {
        List<String> due = new ArrayList<>();
        List<String> departments = new ArrayList<>();
        for (String c : caseNumbers) {
            clocks.of(c).forEach(s -> due.add(c + " " + s.regime() + " " + s.baseDueAt() + " " + s.bindingDueAt()));
            departments.add(c + " " + jdbc.sql("SELECT department FROM grievance_case WHERE case_number = ?")
                    .param(c).query(String.class).optional().orElse("-"));
        }
        return new Snapshot(repository.createDeploymentQuery().count(), repository.createDecisionDefinitionQuery().count(),
                runtime.createVariableInstanceQuery().count(), history.createHistoricVariableInstanceQuery().count(),
                jdbc.sql("SELECT COUNT(*) FROM grievance_case").query(Long.class).single(), due, departments);
    }

    private Map<String, Object> lastRun() {
        Map<String, Object> row = jdbc.sql("SELECT run_by, decision_id, cases_moved FROM what_if_run ORDER BY id DESC"
                + " FETCH FIRST 1 ROWS ONLY").query().singleRow();
        Map<String, Object> lower = new java.util.HashMap<>();
        row.forEach((k, v) -> lower.put(k.toLowerCase(), v instanceof Number n ? n.intValue() : v));
        return lower;
    }

    private long runCount() {
        return jdbc.sql("SELECT COUNT(*) FROM what_if_run").query(Long.class).single();
    }

    private static Map<String, JsonNode> movesByCase(JsonNode answer) {
        Map<String, JsonNode> byCase = new java.util.LinkedHashMap<>();
        answer.path("moves").forEach(m -> assertThat(byCase.put(m.path("caseNumber").asText(), m))
                .as("one move per case").isNull());
        return byCase;
    }

    private static String move(String caseNumber, String what, String regime, String oldValue, String newValue) {
        return "{\"caseNumber\":\"" + caseNumber + "\",\"what\":\"" + what + "\",\"regime\":"
                + (regime == null ? "null" : "\"" + regime + "\"") + ",\"oldValue\":\"" + oldValue
                + "\",\"newValue\":\"" + newValue + "\"}";
    }

    private static String shipped(String file) {
        try (InputStream in = WhatIfTests.class.getResourceAsStream("/processes/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer whatIf(Role role, String body, String contentType) {
        return users.as(role).method(HttpMethod.POST).uri("/api/what-if").accept(MediaType.ALL)
                .header(HttpHeaders.CONTENT_TYPE, contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .exchange((req, res) -> new Answer(res.getStatusCode().value(),
                        res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    private String logHospital(String serviceArea) {
        return log("{\"channel\":\"LETTER\",\"receivedAt\":\"" + RECEIVED + "\",\"patientName\":\"" + Patients.unique()
                + "\",\"complaintText\":\"The call bell went unanswered for forty minutes.\",\"serviceArea\":\""
                + serviceArea + "\",\"responseRequested\":false,\"preferredLanguage\":\"en\"}");
    }

    private String logVerbal(String subject, String text) {
        return log("{\"channel\":\"PHONE\",\"receivedAt\":\"" + RECEIVED + "\",\"patientName\":\"" + Patients.unique()
                + "\",\"serviceArea\":\"OTHER\",\"preferredLanguage\":\"en\",\"subject\":\"" + subject
                + "\",\"resolvedAtPointOfCare\":false,\"complaintText\":\"" + text + "\"}");
    }

    private String logPlan() {
        return log("{\"channel\":\"PHONE\",\"receivedAt\":\"" + RECEIVED + "\",\"patientName\":\"" + Patients.unique()
                + "\",\"serviceArea\":\"OTHER\",\"preferredLanguage\":\"en\",\"regimes\":[\"MEDICARE_ADVANTAGE\"],"
                + "\"memberId\":\"" + Patients.memberId() + "\",\"patientAddress\":\"1 Main St, Springfield, IL 62701\","
                + "\"requestedAction\":\"COMPLAINT\",\"complaintText\":\"Your representative was rude to me.\"}");
    }

    private String log(String intake) {
        Answer created = users.as(INTAKE).method(HttpMethod.POST).uri("/api/grievances").accept(MediaType.ALL)
                .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                .body(intake.getBytes(StandardCharsets.UTF_8))
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), null,
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("caseNumber").asText();
    }
}
