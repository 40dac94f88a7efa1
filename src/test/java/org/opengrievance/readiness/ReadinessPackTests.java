package org.opengrievance.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.ModelerDeployments;
import org.opengrievance.support.Patients;
import org.opengrievance.support.StaffSteps;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The survey-readiness pack over HTTP as an auditor: one ZIP with the grievance log, every sent letter (the
 * stored bytes) with its passing check, the settings and deployments with their deployer, and the late case
 * with its breach review; its read in the PHI access log; 400 for a bad range or facility, 403 for intake.
 */
@GrievanceAppTest
class ReadinessPackTests {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The cases' receipt day in Chicago (the test facility's zone), the pack's one-day range. */
    static final String DAY = "2026-12-09";
    static final String DEPLOYMENT = "readiness-pack-check";
    static final String NOTE = "Late because the witness was on leave; response sent now.";
    static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="readinessPackCheckDefinitions"
                targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="readinessPackCheck" name="Readiness pack check" isExecutable="true"
                  camunda:historyTimeToLive="1">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired FacilityProperties facility;
    @Autowired JdbcClient jdbc;
    StaffSteps staff;

    @BeforeEach
    void setUp() {
        users.ensureCreated();
        staff = new StaffSteps(tasks, forms, identity);
    }

    @AfterEach
    void removeDeployments() {
        ModelerDeployments.removeAll(repository, DEPLOYMENT);
    }

    @Test
    void thePackHoldsTheLogTheSentLettersWithTheirChecksTheDeploymentsAndTheLateCaseWithItsReview() throws Exception {
        String closed = logCase();
        staff.closeNursingGrievance(closed);
        String late = logCase();
        staff.work(late, "confirmClassification", Role.INTAKE, Map.of("classification", "GRIEVANCE"));
        fire(late, "breachTimer");
        staff.work(late, "reviewMissedDeadline", Role.DIRECTOR, Map.of("directorReviewNote", NOTE));
        // deployed as the director within the range (the engine's clock says when a deployment was made)
        ClockUtil.setCurrentTime(Date.from(Instant.parse(DAY + "T20:00:00Z")));
        try {
            assertThat(deployAsDirector()).isEqualTo(200);
        } finally {
            ClockUtil.reset();
        }

        ResponseEntity<byte[]> answer = get(Role.AUDITOR, pack(DAY, DAY, facility.name()));
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/zip");
        assertThat(answer.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("survey-readiness-pack_" + PackRequestSlug.of(facility.name()) + "_" + DAY + "_" + DAY + ".zip");
        Map<String, byte[]> zip = unzip(answer.getBody());

        String readme = text(zip, "README.txt");
        assertThat(readme).contains(facility.name()).contains(DAY + " to " + DAY)
                .contains("Produced by: " + Role.AUDITOR.userId());

        String log = text(zip, "hospital-grievance-log_" + DAY + "_" + DAY + ".csv");
        assertThat(log).startsWith("Case number,Facility,Received,");
        assertThat(rowsOf(log, closed)).hasSize(1);
        assertThat(rowsOf(log, closed).get(0)).contains(",CLOSED,RESOLVED,");
        assertThat(zip).containsKey("hospital-grievance-log_" + DAY + "_" + DAY + ".xlsx");

        List<Map<String, Object>> sent = jdbc.sql("SELECT id, kind, pdf FROM letter WHERE case_number = ? AND status = 'SENT'")
                .param(closed).query().listOfRows();
        assertThat(sent).isNotEmpty();
        List<Map<String, String>> checks = csv(text(zip, "letters/letter-checks.csv"));
        for (Map<String, Object> letter : sent) {
            Map<String, String> check = checks.stream().filter(c -> c.get("Letter").equals(letter.get("ID").toString()))
                    .findFirst().orElseThrow(() -> new AssertionError("no check row for letter " + letter.get("ID")));
            assertThat(check.get("Case number")).isEqualTo(closed);
            assertThat(check.get("Kind")).isEqualTo(letter.get("KIND"));
            assertThat(check.get("Channel")).isEqualTo("MAIL");
            assertThat(check.get("Sent at")).startsWith("2026-12-10T12:00");
            assertThat(check.get("Hash verified")).isEqualTo("yes");
            assertThat(check.get("Required-element check")).as(check.get("Problems")).isEqualTo("PASSED");
            assertThat(check.get("Problems")).isEmpty();
            assertThat(zip.get(check.get("File"))).as(check.get("File")).isEqualTo((byte[]) letter.get("PDF"));
        }
        Map<String, String> resolution = checks.stream()
                .filter(c -> c.get("Case number").equals(closed) && c.get("Kind").equals("RESOLUTION")).findFirst().orElseThrow();
        assertThat(resolution.get("Required elements (checked at approval)"))
                .contains("the steps taken on behalf of the patient to investigate the grievance")
                .contains("the date of completion").contains("the name of the hospital contact person");

        List<Map<String, String>> policy = csv(text(zip, "policy-settings.csv"));
        assertThat(policy).anySatisfy(r -> {
            assertThat(r.get("Key")).isEqualTo("grievance.facility.follow-up-days");
            assertThat(r.get("Value or version")).isEqualTo(String.valueOf(facility.followUpDays()));
        });
        assertThat(policy).anySatisfy(r -> {
            assertThat(r.get("Key")).isEqualTo("readinessPackCheck");
            assertThat(r.get("Deployed by")).isEqualTo(Role.DIRECTOR.userId());
            assertThat(r.get("Deployed at")).startsWith(DAY + "T14:00");
            assertThat(r.get("In force at end of range")).isEqualTo("yes");
        });

        List<Map<String, String>> lateRows = csv(text(zip, "late-cases.csv"));
        Map<String, String> lateRow = lateRows.stream().filter(r -> r.get("Case number").equals(late)).findFirst()
                .orElseThrow(() -> new AssertionError("the late case is not listed"));
        assertThat(lateRow.get("Regime")).isEqualTo("HOSPITAL_COP");
        assertThat(lateRow.get("Breach review")).isEqualTo("REVIEWED");
        assertThat(lateRow.get("Reviewed by")).isEqualTo(Role.DIRECTOR.userId());
        assertThat(lateRow.get("Decision")).isEqualTo(NOTE);
        assertThat(lateRows).noneSatisfy(r -> assertThat(r.get("Case number")).isEqualTo(closed));

        List<Map<String, Object>> logged = jdbc.sql("""
                SELECT actor, surface, action, case_number, export_name, parameters FROM phi_access_log
                WHERE actor = ? AND (export_name IN ('readiness-pack', 'hospital-grievance-log') OR case_number = ?)
                ORDER BY id DESC""").param(Role.AUDITOR.userId()).param(closed).query().listOfRows();
        assertThat(logged).anySatisfy(r -> {
            assertThat(r.get("EXPORT_NAME")).isEqualTo("readiness-pack");
            assertThat(r.get("SURFACE")).isEqualTo("EXPORT");
            assertThat(r.get("PARAMETERS")).isEqualTo("from=" + DAY + ";to=" + DAY + ";facility=" + facility.name());
        });
        assertThat(logged).anySatisfy(r -> {
            assertThat(r.get("CASE_NUMBER")).isEqualTo(closed);
            assertThat(r.get("ACTION")).isEqualTo("letter");
            assertThat(r.get("PARAMETERS").toString()).endsWith(";readiness-pack");
        });
    }

    @Test
    void aDeploymentMadeAtStartUpIsSaidToBeOne() throws Exception {
        Deployment startUp = repository.createDeploymentQuery().orderByDeploymentTime().asc().list().get(0);
        LocalDate day = startUp.getDeploymentTime().toInstant().atZone(facility.zone()).toLocalDate();
        Map<String, byte[]> zip = unzip(get(Role.DIRECTOR, pack(day.toString(), day.toString(), facility.name())).getBody());
        assertThat(csv(text(zip, "policy-settings.csv"))).anySatisfy(r -> {
            assertThat(r.get("Key")).isEqualTo("grievance");
            assertThat(r.get("Deployed by")).isEqualTo("start-up deployment");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-12-10|2026-12-01|Mercy|to",
            "2023-01-01|2026-01-01|Mercy|to",
            "2026-02-30|2026-03-01|Mercy|from",
            "2026-12-01|31.12.2026|Mercy|to",
            "|2026-12-31|Mercy|from",
            "2026-12-01|2026-12-31||facility",
            "2026-12-01|2026-12-31|Nowhere Clinic 4711|facility"})
    void aBadRangeOrAnUnknownFacilityIsA400NamingIt(String from, String to, String name, String parameter) throws IOException {
        String facilityName = "Mercy".equals(name) ? facility.name() : name;
        ResponseEntity<byte[]> answer = get(Role.AUDITOR, pack(from, to, facilityName));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        String body = new String(answer.getBody(), StandardCharsets.UTF_8);
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo(parameter);
        assertThat(body).doesNotContain("Nowhere").doesNotContain("31.12.2026");
    }

    @Test
    void threeYearsAreTheWidestRange() {
        assertThat(get(Role.AUDITOR, pack("2024-01-01", "2026-12-31", facility.name())).getStatusCode().value())
                .isEqualTo(200);
        assertThat(get(Role.AUDITOR, pack("2024-01-01", "2027-01-01", facility.name())).getStatusCode().value())
                .isEqualTo(400);
    }

    @Test
    void intakeStaffMayNotDownloadThePack() {
        assertThat(get(Role.INTAKE, pack(DAY, DAY, facility.name())).getStatusCode().value()).isEqualTo(403);
        assertThat(get(Role.PATIENT_RELATIONS, pack(DAY, DAY, facility.name())).getStatusCode().value()).isEqualTo(403);
    }

    /** The facility's name as the file name spells it (PackRequest.facilitySlug). */
    static final class PackRequestSlug {
        static String of(String name) {
            return new PackRequest(LocalDate.MIN, LocalDate.MIN, name).facilitySlug();
        }
    }

    static String pack(String from, String to, String name) {
        StringBuilder q = new StringBuilder("/api/audit/readiness-pack?");
        if (from != null) {
            q.append("from=").append(from).append('&');
        }
        if (to != null) {
            q.append("to=").append(to).append('&');
        }
        if (name != null) {
            q.append("facility=").append(URLEncoder.encode(name, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    String logCase() {
        String body = "{\"channel\":\"PHONE\",\"receivedAt\":\"" + DAY + "T10:30:00-06:00\",\"patientName\":\""
                + Patients.unique() + "\",\"complaintText\":\"My meals arrived cold every day.\",\"serviceArea\":"
                + "\"NURSING\",\"responseRequested\":true,\"abuseOrNeglect\":false}";
        String created = users.as(Role.INTAKE).post().uri("/api/grievances").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(String.class);
        try {
            return JSON.readTree(created).path("caseNumber").asText();
        } catch (IOException e) {
            throw new IllegalStateException(created, e);
        }
    }

    void fire(String caseNumber, String timer) {
        String clock = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("hospitalClock").singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(clock).activityId(timer).singleResult();
        assertThat(job).as(timer).isNotNull();
        management.executeJob(job.getId());
    }

    int deployAsDirector() {
        return ModelerDeployments.deploy(users.as(Role.DIRECTOR), DEPLOYMENT, "readiness-pack-check.bpmn", BPMN);
    }

    ResponseEntity<byte[]> get(Role role, String path) {
        return users.as(role).get().uri(path).retrieve().onStatus(HttpStatusCode::isError, (req, res) -> { })
                .toEntity(byte[].class);
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static String text(Map<String, byte[]> zip, String name) {
        assertThat(zip).as("the pack's files").containsKey(name);
        return new String(zip.get(name), StandardCharsets.UTF_8);
    }

    static List<String> rowsOf(String csv, String caseNumber) {
        return csv.lines().filter(l -> l.startsWith(caseNumber + ",")).toList();
    }

    /** A CSV with a header row as maps (quoted fields with commas and doubled quotes; no line breaks in them). */
    static List<Map<String, String>> csv(String text) {
        List<List<String>> rows = text.lines().map(ReadinessPackTests::fields).toList();
        List<String> headers = rows.get(0);
        return rows.subList(1, rows.size()).stream().map(r -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                m.put(headers.get(i), i < r.size() ? r.get(i) : "");
            }
            return m;
        }).toList();
    }

    static List<String> fields(String line) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }
}
