package org.opengrievance.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;
import static org.opengrievance.timeline.CaseDriver.chicago;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.TestUsers;
import org.opengrievance.timeline.CaseDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read model after cases driven over HTTP: the timeline header (what search and the Cockpit tab show) and
 * the columns of grievance_case that the exports read, each written in the step's own transaction with the
 * instant of the fact (the mailing date a person gave, not when it was typed in).
 */
@GrievanceAppTest
class ReadModelColumnsTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    CaseDriver cases;

    @BeforeEach
    void setUp() {
        cases = new CaseDriver(users, tasks, runtime, management, clock);
    }

    @AfterEach
    void resetTime() {
        cases.resetTime();
    }

    /** The read-model columns of a case; instants in UTC. */
    Map<String, Object> row(String caseNumber) {
        return jdbc.sql("""
                SELECT regimes, department, hcat_category, hcat_severity, harm_level, expedited, extended, late,
                  acknowledged_at, acknowledgement_mode, resolved_at, resolution_summary, written_response_at,
                  oral_response_at, withdrawn_at, updated_at
                FROM grievance_case WHERE case_number = ?
                """).param(caseNumber).query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        String name = rs.getMetaData().getColumnLabel(c).toLowerCase();
                        Object v = rs.getObject(c);
                        if (v != null && (name.endsWith("_at"))) {
                            v = rs.getObject(c, OffsetDateTime.class).toInstant();
                        }
                        m.put(name, v);
                    }
                    return m;
                }).single();
    }

    @Test
    void afterTheWholeLifecycleTheCaseRowHoldsEachRegulatoryFactWithItsInstant() {
        String n = cases.hospitalLifecycle();
        cases.now(chicago("14:00"));
        JsonNode header = cases.timeline(n, AUDITOR).get("header");
        assertThat(header.get("receivedAt").asText()).isEqualTo("2026-12-04T16:30:00-06:00");
        assertThat(header.get("receivedAtUtc").asText()).isEqualTo("2026-12-04T22:30:00Z");
        assertThat(header.get("channel").asText()).isEqualTo("LETTER");
        assertThat(header.get("regimes").toString()).isEqualTo("[\"HOSPITAL_COP\"]");
        assertThat(header.get("classification").asText()).isEqualTo("GRIEVANCE");
        assertThat(header.get("status").asText()).isEqualTo("CLOSED");
        assertThat(header.get("responseDueAt").asText()).isEqualTo("2026-12-11T23:59:59.999-06:00");
        assertThat(header.get("closedAt").asText()).isEqualTo("2026-12-10T13:50:00-06:00");
        assertThat(header.get("late").asBoolean()).isFalse();
        assertThat(header.get("expedited").asBoolean()).isFalse();
        assertThat(header.get("extended").asBoolean()).isFalse();
        assertThat(header.get("department").asText()).isEqualTo("nursing");
        assertThat(header.get("hcatCategory").asText()).isEqualTo("QUALITY");

        Map<String, Object> row = row(n);
        assertThat(row.get("regimes")).isEqualTo("HOSPITAL_COP");
        assertThat(row.get("hcat_severity")).isEqualTo("2");
        assertThat(row.get("harm_level")).isEqualTo("1");
        // the acknowledgement letter's mailing date, as staff gave it (12:35), recorded at 12:40
        assertThat(row.get("acknowledged_at")).isEqualTo(chicago("12:35"));
        assertThat(row.get("acknowledgement_mode")).isEqualTo("WRITTEN");
        assertThat(row.get("resolved_at")).isEqualTo(chicago("13:30"));
        assertThat(row.get("resolution_summary")).isEqualTo(CaseDriver.STEPS_TAKEN + "\n\n" + CaseDriver.RESULTS);
        assertThat(row.get("written_response_at")).isEqualTo(chicago("13:35"));
        assertThat(row.get("oral_response_at")).isNull();
        assertThat(row.get("withdrawn_at")).isNull();
        assertThat(row.get("updated_at")).as("the closure was the last change").isEqualTo(chicago("13:50"));
    }

    @Test
    void oralAcknowledgementAndOralResolutionAreRecordedAsOralWithTheirInstants() {
        cases.now(chicago("12:00"));
        String n = cases.logCase("PHONE", "2026-12-10T09:00:00-06:00", "BILLING",
                ",\"regimes\":[\"MEDICARE_ADVANTAGE\"]");
        cases.now(chicago("12:10"));
        cases.complete(n, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        cases.now(chicago("12:20"));
        cases.complete(n, "acknowledgeReceipt", PATIENT_RELATIONS, Map.of("acknowledgedVia", "PHONE"));
        cases.now(chicago("12:40"));
        CaseDriver.Answer oral = cases.post(PATIENT_RELATIONS, "/api/grievances/" + n + "/notifications/oral",
                "{\"kind\":\"RESOLUTION\",\"notifiedAt\":\"2026-12-10T12:30:00-06:00\"}");
        assertThat(oral.status()).as(oral.body()).isEqualTo(200);

        Map<String, Object> row = row(n);
        assertThat(row.get("acknowledged_at")).isEqualTo(chicago("12:20"));
        assertThat(row.get("acknowledgement_mode")).isEqualTo("ORAL");
        assertThat(row.get("oral_response_at")).isEqualTo(chicago("12:30"));
        assertThat(row.get("written_response_at")).isNull();
        assertThat(row.get("regimes")).isEqualTo("MEDICARE_ADVANTAGE");
        assertThat(row.get("updated_at")).isEqualTo(chicago("12:40"));
    }

    @Test
    void withdrawalExpediteAndBreachSetTheirColumnsInTheirOwnTransaction() {
        cases.now(chicago("12:00"));
        String withdrawn = cases.logCase("LETTER", "2026-12-04T16:30:00-06:00", "NURSING", "");
        String expedited = cases.logCase("LETTER", "2026-12-10T09:00:00-06:00", "BILLING",
                ",\"regimes\":[\"HOSPITAL_COP\",\"MEDICARE_ADVANTAGE\"]");
        assertThat(row(expedited).get("regimes")).isEqualTo("HOSPITAL_COP,MEDICARE_ADVANTAGE");
        cases.now(chicago("12:10"));
        cases.complete(withdrawn, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        cases.complete(expedited, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        assertThat(row(expedited).get("expedited")).isEqualTo(false);

        cases.now(chicago("12:30"));
        assertThat(cases.post(PATIENT_RELATIONS, "/api/grievances/" + withdrawn + "/withdrawal",
                "{\"note\":\"Patient phoned to withdraw.\"}").status()).isEqualTo(200);
        assertThat(cases.post(PATIENT_RELATIONS, "/api/grievances/" + expedited + "/clocks/MEDICARE_ADVANTAGE/expedite",
                "{\"trigger\":\"MA_REFUSED_EXPEDITED_DETERMINATION\"}").status()).isEqualTo(200);
        assertThat(row(withdrawn).get("withdrawn_at")).isEqualTo(chicago("12:30"));
        assertThat(row(expedited).get("expedited")).isEqualTo(true);
        assertThat(row(expedited).get("late")).isEqualTo(false);

        // the expedited MA clock (due 2026-12-11 09:00 in Chicago) breaches; the hospital clock still runs
        cases.now(Instant.parse("2026-12-11T15:30:00Z"));
        cases.fire(expedited, "planClock", "breachTimer");
        assertThat(row(expedited).get("late")).isEqualTo(true);
        assertThat(row(expedited).get("updated_at")).isEqualTo(Instant.parse("2026-12-11T15:30:00Z"));
        assertThat(row(withdrawn).get("late")).isEqualTo(false);
    }

    @Test
    void aComplaintResolvedAtThePointOfCareIsResolvedByWhatStaffDidThen() {
        cases.now(chicago("12:00"));
        String n = cases.logCase("IN_PERSON", "2026-12-10T11:00:00-06:00", "NURSING",
                ",\"resolvedAtPointOfCare\":true,\"pointOfCareResolution\":\"Moved to a quieter room; patient satisfied.\"");
        cases.now(chicago("12:10"));
        cases.complete(n, "confirmClassification", INTAKE, Map.of("classification", "COMPLAINT"));

        Map<String, Object> row = row(n);
        assertThat(row.get("resolved_at")).isEqualTo(chicago("12:10"));
        assertThat(row.get("resolution_summary")).isEqualTo("Moved to a quieter room; patient satisfied.");
        JsonNode timeline = cases.timeline(n, AUDITOR);
        assertThat(timeline.get("header").get("status").asText()).isEqualTo("CLOSED");
        assertThat(CaseDriver.line(CaseDriver.event(timeline, "CLOSED", null)))
                .isEqualTo("CLOSED secintake 2026-12-10T12:10:00-06:00");
        assertThat(CaseDriver.event(timeline, "CLOSED", null).path("details").path("reason").asText())
                .isEqualTo("RESOLVED_AT_POINT_OF_CARE");
    }
}
