package org.opengrievance.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E8 over HTTP: the timeline's header says who filed (the patient, or a representative with their relationship and
 * the state of their documentation, never their name), and waiting for a representative's documentation stops no
 * clock: such a case is due at exactly the instants of the same grievance filed by the patient.
 */
@GrievanceAppTest
class WhoFiledTests {

    static final String RECEIVED = "2026-12-04T16:30:00-06:00";
    static final String REQUESTED = """
            ,"representative":{"name":"Jordan Representa","relationship":"daughter","authority":"REQUESTED",
             "address":"77 Elm Court","email":"jordan@example.org"}""";

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired MutableClock clock;
    CaseDriver cases;

    @BeforeEach
    void setUp() {
        cases = new CaseDriver(users, tasks, runtime, management, clock);
    }

    @AfterEach
    void resetTime() {
        cases.resetTime();
    }

    @Test
    void theTimelineSaysWhoFiledWithTheRepresentativesRelationshipAndAuthorityButNotTheirName() {
        String byRepresentative = cases.logCase("LETTER", RECEIVED, "DIETARY", REQUESTED);
        JsonNode timeline = cases.timeline(byRepresentative, AUDITOR);
        JsonNode filedBy = timeline.path("header").path("filedBy");
        assertThat(filedBy.path("requester").asText()).isEqualTo("ER");
        assertThat(filedBy.path("relationship").asText()).isEqualTo("daughter");
        assertThat(filedBy.path("authority").asText()).isEqualTo("REQUESTED");
        assertThat(timeline.toString()).doesNotContain("Jordan", "Elm Court", "jordan@example.org");

        String byPatient = cases.logCase("LETTER", RECEIVED, "DIETARY", "");
        JsonNode own = cases.timeline(byPatient, AUDITOR).path("header").path("filedBy");
        assertThat(own.path("requester").asText()).isEqualTo("E");
        assertThat(own.path("relationship").isNull()).isTrue();
        assertThat(own.path("authority").isNull()).isTrue();
    }

    /** Each clock's regime and binding due instant, as the case view answers them. */
    Map<String, Instant> dueInstants(String caseNumber) {
        CaseDriver.Answer view = cases.get(PATIENT_RELATIONS, "/api/grievances/" + caseNumber);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        Map<String, Instant> due = new LinkedHashMap<>();
        for (JsonNode d : view.json().path("deadlines")) {
            assertThat(d.path("stoppedAt").isNull()).as(d.toString()).isTrue();
            due.put(d.path("regime").asText(), OffsetDateTime.parse(d.path("dueAt").asText()).toInstant());
        }
        return due;
    }

    @Test
    void waitingForARepresentativesDocumentationDoesNotStopOrMoveTheClock() {
        String regimes = ",\"regimes\":[\"HOSPITAL_COP\",\"MEDICARE_ADVANTAGE\"]";
        String byPatient = cases.logCase("LETTER", RECEIVED, "DIETARY", regimes);
        String byRepresentative = cases.logCase("LETTER", RECEIVED, "DIETARY", regimes + REQUESTED);

        Map<String, Instant> patient = dueInstants(byPatient);
        Map<String, Instant> representative = dueInstants(byRepresentative);
        // CMS-HOSP-6: due on day 7 at the end of the day in Chicago; MA-3: 30 days, day 1 the day after receipt
        Map<String, Instant> expected = Map.of(
                "HOSPITAL_COP", OffsetDateTime.parse("2026-12-11T23:59:59.999-06:00").toInstant(),
                "MEDICARE_ADVANTAGE", OffsetDateTime.parse("2027-01-03T23:59:59.999-06:00").toInstant());
        assertThat(patient).isEqualTo(expected);
        assertThat(representative).isEqualTo(expected);
    }
}
