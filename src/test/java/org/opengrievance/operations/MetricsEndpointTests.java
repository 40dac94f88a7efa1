package org.opengrievance.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers.Role;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * /actuator/prometheus and the health groups over HTTP: who may read them, and that each metric counts what it
 * says (a state created here moves it by exactly that much).
 */
@GrievanceAppTest
class MetricsEndpointTests {

    static final List<String> METRICS = List.of("grievance_cases_open", "grievance_cases_due_soon",
            "grievance_cases_late", "grievance_jobs_executable", "grievance_jobs_failed", "grievance_incidents_open",
            "grievance_letters_sent_total", "grievance_letters_failed", "grievance_intake_seconds_count",
            "grievance_intake_seconds_sum");
    static final String HOSPITAL = "regime=\"HOSPITAL_COP\"";

    @Autowired TestUsers users;
    @Autowired IdentityService identity;
    @Autowired ProcessEngine engine;
    @Autowired ManagementService management;
    @Autowired IntakeService intake;
    @Autowired MutableClock clock;
    final ObjectMapper json = new ObjectMapper();

    record Answer(int status, String body) {
    }

    @BeforeEach
    void setUp() {
        MonitoringUser.ensure(identity);
        clock.set(GrievanceAppTest.NOW);
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    RestClient monitoring() {
        return RestClient.builder().baseUrl(users.baseUrl())
                .defaultHeaders(h -> h.setBasicAuth(MonitoringUser.ID, MonitoringUser.PASSWORD, StandardCharsets.UTF_8))
                .build();
    }

    static Answer get(RestClient http, String path) {
        return http.get().uri(path).exchange((req, res) -> new Answer(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    Scrape scrape() {
        Answer answer = get(monitoring(), "/actuator/prometheus");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return new Scrape(answer.body());
    }

    String logCase(String receivedAt) {
        String body = """
                {"channel":"LETTER","receivedAt":"%s","patientName":"%s",
                 "complaintText":"The meals arrived cold three days running.","serviceArea":"NURSING",
                 "regimes":["HOSPITAL_COP"]}""".formatted(receivedAt, Patients.unique());
        Answer created = users.as(Role.PATIENT_RELATIONS).post().uri("/api/grievances")
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.body();
    }

    @Test
    void prometheusAnswersTheMonitoringGroupAndAdministratorsOnly() {
        assertThat(get(users.anonymous(), "/actuator/prometheus").status()).isEqualTo(401);
        assertThat(get(users.as(Role.INTAKE), "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(get(users.as(Role.DIRECTOR), "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(get(users.as(Role.AUDITOR), "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(get(monitoring(), "/actuator/prometheus").status()).isEqualTo(200);
        assertThat(get(users.as(Role.ADMIN), "/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void healthIsOpenWithStatusOnlyAndBothProbeGroupsAnswer() throws Exception {
        JsonNode health = json.readTree(get(users.anonymous(), "/actuator/health").body());
        // the status and the names of the probe groups, no component
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).as(health.toString()).isFalse();
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            Answer open = get(users.anonymous(), path);
            assertThat(open.status()).as(path).isEqualTo(200);
            // the status and nothing else for anyone
            assertThat(json.readTree(open.body()).properties()).as(open.body()).hasSize(1);
            assertThat(json.readTree(open.body()).get("status").asText()).isEqualTo("UP");
        }
        JsonNode readiness = json.readTree(get(monitoring(), "/actuator/health/readiness").body());
        assertThat(readiness.get("components").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactlyInAnyOrder("readinessState", "db", "jobExecutor");
        // this test context runs no job executor (application-test.yaml): it is not judged by one
        assertThat(readiness.at("/components/jobExecutor/details/runsJobs").asBoolean()).isFalse();
        JsonNode liveness = json.readTree(get(monitoring(), "/actuator/health/liveness").body());
        assertThat(liveness.get("components").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("livenessState");
    }

    @Test
    void eachMetricIsListedWithAValue() {
        logCase("2026-12-04T16:30:00-06:00");
        Scrape scrape = scrape();
        for (String name : METRICS) {
            assertThat(scrape.value(name, null)).as(name).isPresent();
        }
        for (org.opengrievance.regime.Regime regime : org.opengrievance.regime.Regime.values()) {
            assertThat(scrape.value("grievance_cases_open", "regime=\"" + regime.name() + "\"")).as(regime.name()).isPresent();
        }
    }

    @Test
    void openDueSoonAndLateCasesCountTheCasesLoggedUnderTheirRegime() {
        Scrape before = scrape();
        // due 2026-12-11 end of day in Chicago: within 48 hours of the test's now (2026-12-10 12:00 Chicago)
        logCase("2026-12-04T16:30:00-06:00");
        logCase("2026-12-04T16:30:00-06:00");
        // due 2026-11-27: already late
        logCase("2026-11-20T09:00:00-06:00");
        Scrape after = scrape();

        assertThat(after.listed("grievance_cases_open", HOSPITAL) - before.listed("grievance_cases_open", HOSPITAL))
                .isEqualTo(3);
        assertThat(after.listed("grievance_cases_due_soon", HOSPITAL)
                - before.listed("grievance_cases_due_soon", HOSPITAL)).isEqualTo(2);
        assertThat(after.listed("grievance_cases_late", HOSPITAL) - before.listed("grievance_cases_late", HOSPITAL))
                .isEqualTo(1);
        String chip = "regime=\"CHIP\"";
        assertThat(after.listed("grievance_cases_open", chip)).isEqualTo(before.listed("grievance_cases_open", chip));
        String success = "outcome=\"SUCCESS\"";
        assertThat(after.listed("grievance_intake_seconds_count", success)
                - before.value("grievance_intake_seconds_count", success).orElse(0)).isEqualTo(3);
    }

    @Test
    void jobBacklogFailedJobsAndIncidentsCountTheEnginesJobs() throws Exception {
        String caseNumber = json.readTree(logCase("2026-12-04T16:30:00-06:00")).get("caseNumber").asText();
        // a grievance: its clocks start
        String confirm = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("confirmClassification").singleResult().getId();
        engine.getTaskService().complete(confirm, java.util.Map.of("classification", "GRIEVANCE"));
        // a timer of the case's clock (a process the grievance calls)
        String root = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("grievance").singleResult().getId();
        java.util.List<ProcessInstance> tree = new java.util.ArrayList<>(List.of(engine.getRuntimeService()
                .createProcessInstanceQuery().processInstanceId(root).singleResult()));
        tree.addAll(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(root).list());
        Job timer = tree.stream()
                .flatMap(p -> management.createJobQuery().timers().processInstanceId(p.getId()).withRetriesLeft().list().stream())
                .findFirst().orElseThrow(() -> new AssertionError("no timer for " + caseNumber));
        // not due yet, whatever today's date
        management.setJobDuedate(timer.getId(), Date.from(java.time.Instant.parse("2999-01-01T00:00:00Z")));
        Scrape before = scrape();

        // a timer whose time has come and that no job executor ran (this test context runs none)
        management.setJobDuedate(timer.getId(), Date.from(java.time.Instant.parse("2000-01-01T00:00:00Z")));
        Scrape due = scrape();
        assertThat(due.listed("grievance_jobs_executable", null) - before.listed("grievance_jobs_executable", null))
                .isEqualTo(1);

        // it failed its last retry: no longer executable, a failed job with an incident
        management.setJobRetries(timer.getId(), 0);
        Scrape failed = scrape();
        assertThat(failed.listed("grievance_jobs_executable", null)).isEqualTo(before.listed("grievance_jobs_executable", null));
        assertThat(failed.listed("grievance_jobs_failed", null) - before.listed("grievance_jobs_failed", null)).isEqualTo(1);
        // as Cockpit counts them: the clock's own incident and the one on the grievance that called the clock
        assertThat(failed.listed("grievance_incidents_open", null) - before.listed("grievance_incidents_open", null))
                .isEqualTo(2);
        assertThat(failed.listed("grievance_letters_failed", null)).isEqualTo(before.listed("grievance_letters_failed", null));

        management.setJobRetries(timer.getId(), 1);
        assertThat(scrape().listed("grievance_incidents_open", null)).isEqualTo(before.listed("grievance_incidents_open", null));
    }

    @Test
    void lettersSentAndFailedCountTheLetterRecordsAndTheDeliveryIncidents() {
        GrievanceCase c = intake.register(Intakes.written(Channel.LETTER, ServiceArea.NURSING));
        ProcessInstance pi = processInstanceQuery().processInstanceId(c.processInstanceId()).singleResult();
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-nursing");
        CaseSteps.draft(pi, "MAIL");
        CaseSteps.approve(pi);
        ProcessInstance delivery = processInstanceQuery().processDefinitionKey("letterDelivery")
                .superProcessInstanceId(pi.getId()).active().singleResult();
        Scrape before = scrape();

        // a delivery stuck with an incident (what an email that failed every retry leaves)
        Incident stuck = engine.getRuntimeService().createIncident("deliveryTest", delivery.getId(), "test");
        Scrape failing = scrape();
        assertThat(failing.listed("grievance_letters_failed", null) - before.listed("grievance_letters_failed", null))
                .isEqualTo(1);
        engine.getRuntimeService().resolveIncident(stuck.getId());

        CaseSteps.confirmMailing(pi);
        Scrape sent = scrape();
        assertThat(sent.listed("grievance_letters_sent_total", null) - before.listed("grievance_letters_sent_total", null))
                .isEqualTo(1);
        assertThat(sent.listed("grievance_letters_failed", null)).isEqualTo(before.listed("grievance_letters_failed", null));
    }
}
