package org.opengrievance.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.NO_GROUP;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;
import static org.opengrievance.timeline.CaseDriver.chicago;
import static org.opengrievance.timeline.CaseDriver.event;
import static org.opengrievance.timeline.CaseDriver.steps;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
 * The regulatory timeline over HTTP: cases driven by the signed-in roles through the API and engine-rest (the
 * whole hospital lifecycle, a withdrawal, a plan extension, an expedite, a missed deadline), then read as the
 * auditor. Every step is there, in order of instant, with the person who did it and the instant in the
 * governing zone and in UTC; reading it is itself recorded.
 */
@GrievanceAppTest
class TimelineTests {

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
    void aHospitalGrievanceShowsEveryStepInOrderWithWhoDidItAndWhen() {
        String n = cases.hospitalLifecycle();
        cases.now(chicago("14:00"));
        JsonNode timeline = cases.timeline(n, AUDITOR);

        assertThat(steps(timeline)).containsExactly(
                "RECEIVED - 2026-12-04T16:30:00-06:00",
                "INTAKE secintake 2026-12-10T12:00:00-06:00",
                "CLOCK_OPENED - 2026-12-10T12:00:00-06:00",
                "CLASSIFICATION_SUGGESTED decision:GrievanceClassification 2026-12-10T12:00:00-06:00",
                "TASK_ASSIGNED - 2026-12-10T12:00:00-06:00",
                "CLASSIFICATION_CONFIRMED secintake 2026-12-10T12:10:00-06:00",
                "TASK_COMPLETED secintake 2026-12-10T12:10:00-06:00",
                "CLOCK_TIMERS_SET - 2026-12-10T12:10:00-06:00",
                "TASK_CLAIMED secrelations 2026-12-10T12:20:00-06:00",
                "TASK_COMPLETED secrelations 2026-12-10T12:30:00-06:00",
                "LETTER_APPROVED secrelations 2026-12-10T12:30:00-06:00",
                "LETTER_SENT secrelations 2026-12-10T12:35:00-06:00",
                "ACKNOWLEDGED secrelations 2026-12-10T12:35:00-06:00",
                "TASK_COMPLETED secrelations 2026-12-10T12:40:00-06:00",
                "DEPARTMENT_ASSIGNED decision:DepartmentRouting 2026-12-10T12:40:00-06:00",
                "FINDINGS_RECORDED secnurse 2026-12-10T12:50:00-06:00",
                "CODED secnurse 2026-12-10T13:00:00-06:00",
                "TASK_ASSIGNED secdirector 2026-12-10T13:10:00-06:00",
                "RESPONSE_DRAFTED secrelations 2026-12-10T13:20:00-06:00",
                "RESPONSE_APPROVED secdirector 2026-12-10T13:30:00-06:00",
                "LETTER_APPROVED secdirector 2026-12-10T13:30:00-06:00",
                "LETTER_SENT secrelations 2026-12-10T13:35:00-06:00",
                "TASK_COMPLETED secrelations 2026-12-10T13:40:00-06:00",
                "CLOCK_STOPPED - 2026-12-10T13:40:00-06:00",
                "TASK_COMPLETED secrelations 2026-12-10T13:50:00-06:00",
                "CLOSED secrelations 2026-12-10T13:50:00-06:00");

        // each instant in the governing zone and in UTC
        JsonNode intake = event(timeline, "INTAKE", null);
        assertThat(intake.get("atUtc").asText()).isEqualTo("2026-12-10T18:00:00Z");
        assertThat(intake.get("zone").asText()).isEqualTo("America/Chicago");
        assertThat(intake.get("summary").asText())
                .isEqualTo("secintake logged the complaint received by letter under HOSPITAL_COP.");
        assertThat(intake.path("details").path("channel").asText()).isEqualTo("LETTER");
        assertThat(intake.path("details").path("receivedAt").asText()).isEqualTo("2026-12-04T16:30:00-06:00");
        assertThat(event(timeline, "RECEIVED", null).get("atUtc").asText()).isEqualTo("2026-12-04T22:30:00Z");

        // the tasks each step was about
        assertThat(tasksOf(timeline, "TASK_COMPLETED")).containsExactly(
                "confirmClassification", "acknowledgeReceipt", "printAndMailLetter", "printAndMailLetter",
                "closeGrievance");
        JsonNode byModel = event(timeline, "TASK_ASSIGNED", "confirmClassification");
        assertThat(byModel.path("details").path("assignee").asText()).isEqualTo("secintake");
        assertThat(byModel.path("details").path("byModel").asBoolean()).isTrue();
        JsonNode byDirector = event(timeline, "TASK_ASSIGNED", "draftResponse");
        assertThat(byDirector.get("actor").asText()).isEqualTo("secdirector");
        assertThat(byDirector.path("details").path("assignee").asText()).isEqualTo("secrelations");
        assertThat(byDirector.get("summary").asText())
                .isEqualTo("secdirector assigned the task Draft written response to secrelations.");
        assertThat(event(timeline, "TASK_CLAIMED", null).path("details").path("task").asText())
                .isEqualTo("acknowledgeReceipt");

        // classification, routing, coding
        JsonNode suggested = event(timeline, "CLASSIFICATION_SUGGESTED", null);
        assertThat(suggested.path("details").path("classification").asText()).isEqualTo("GRIEVANCE");
        assertThat(suggested.path("details").path("rule").asText()).isEqualTo("CMS-HOSP-2(c)");
        assertThat(event(timeline, "DEPARTMENT_ASSIGNED", null).path("details").path("department").asText())
                .isEqualTo("nursing");
        JsonNode coded = event(timeline, "CODED", null);
        assertThat(coded.path("details").path("hcatCategory").asText()).isEqualTo("QUALITY");
        assertThat(coded.path("details").path("hcatSeverity").asText()).isEqualTo("2");
        assertThat(coded.path("details").path("harmLevel").asText()).isEqualTo("1");
        assertThat(event(timeline, "FINDINGS_RECORDED", null).toString())
                .as("findings are recorded as a fact, not their text").doesNotContain("broken cart");

        // the clock: its due instants
        JsonNode opened = event(timeline, "CLOCK_OPENED", null);
        assertThat(opened.path("details").path("regime").asText()).isEqualTo("HOSPITAL_COP");
        assertThat(opened.path("details").path("dueAt").asText()).isEqualTo("2026-12-11T23:59:59.999-06:00");
        assertThat(opened.path("details").path("followUpDueAt").asText()).isEqualTo("2027-01-03T23:59:59.999-06:00");
        assertThat(event(timeline, "CLOCK_TIMERS_SET", null).path("details").path("dueAt").asText())
                .isEqualTo("2026-12-11T23:59:59.999-06:00");

        // every letter: kind, language, template, hash, approver, how and when sent
        JsonNode letters = cases.get(PATIENT_RELATIONS, "/api/grievances/" + n + "/letters").json();
        List<JsonNode> approved = all(timeline, "LETTER_APPROVED");
        assertThat(approved).extracting(e -> e.path("details").path("letterKind").asText())
                .containsExactly("ACKNOWLEDGEMENT", "RESOLUTION");
        for (int i = 0; i < 2; i++) {
            JsonNode d = approved.get(i).path("details");
            assertThat(d.path("sha256").asText()).isEqualTo(letters.get(i).get("sha256").asText()).hasSize(64);
            assertThat(d.path("templateVersion").asText()).isEqualTo(letters.get(i).get("templateVersion").asText());
            assertThat(d.path("language").asText()).isEqualTo("en");
        }
        assertThat(approved.get(1).path("details").path("approvedBy").asText()).isEqualTo("secdirector");
        JsonNode resolutionSent = all(timeline, "LETTER_SENT").get(1);
        assertThat(resolutionSent.path("details").path("letterKind").asText()).isEqualTo("RESOLUTION");
        assertThat(resolutionSent.path("details").path("channel").asText()).isEqualTo("MAIL");
        assertThat(resolutionSent.path("details").path("recordedAt").asText()).isEqualTo("2026-12-10T13:40:00-06:00");
        assertThat(resolutionSent.get("atUtc").asText()).isEqualTo("2026-12-10T19:35:00Z");
        JsonNode acknowledged = event(timeline, "ACKNOWLEDGED", null);
        assertThat(acknowledged.path("details").path("mode").asText()).isEqualTo("WRITTEN");
        assertThat(acknowledged.path("details").path("channel").asText()).isEqualTo("MAIL");
        assertThat(event(timeline, "CLOSED", null).path("details").path("reason").asText()).isEqualTo("RESOLVED");

        // reading it is recorded, and the next read shows who read it
        cases.now(chicago("14:05"));
        JsonNode again = cases.timeline(n, INTAKE);
        assertThat(reads(again)).containsExactly(
                "READ secauditor 2026-12-10T14:00:00-06:00 timeline API",
                "READ secintake 2026-12-10T14:05:00-06:00 timeline API");
        assertThat(event(again, "READ", null).get("summary").asText())
                .isEqualTo("secauditor read the case's timeline (surface API).");
        assertThat(timeline.toString()).as("no patient data").doesNotContain("Pat Testpatient", "meals arrived cold");
    }

    @Test
    void aWithdrawnGrievanceShowsTheWithdrawalTheStoppedClockAndTheClosure() {
        cases.now(chicago("12:00"));
        String n = cases.logCase("LETTER", "2026-12-04T16:30:00-06:00", "NURSING", "");
        cases.now(chicago("12:10"));
        cases.complete(n, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        cases.now(chicago("12:20"));
        cases.complete(n, "acknowledgeReceipt", PATIENT_RELATIONS, Map.of("acknowledgedVia", "PHONE"));
        cases.now(chicago("12:40"));
        CaseDriver.Answer withdrawn = cases.post(PATIENT_RELATIONS, "/api/grievances/" + n + "/withdrawal",
                "{\"note\":\"Patient phoned to withdraw.\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);

        JsonNode timeline = cases.timeline(n, AUDITOR);
        assertThat(steps(timeline)).endsWith(
                "TASK_COMPLETED secrelations 2026-12-10T12:20:00-06:00",
                "ACKNOWLEDGED secrelations 2026-12-10T12:20:00-06:00",
                "DEPARTMENT_ASSIGNED decision:DepartmentRouting 2026-12-10T12:20:00-06:00",
                "WITHDRAWN secrelations 2026-12-10T12:40:00-06:00",
                "CLOCK_STOPPED - 2026-12-10T12:40:00-06:00",
                "CLOSED secrelations 2026-12-10T12:40:00-06:00");
        assertThat(event(timeline, "ACKNOWLEDGED", null).path("details").path("mode").asText()).isEqualTo("ORAL");
        assertThat(event(timeline, "ACKNOWLEDGED", null).path("details").path("channel").asText()).isEqualTo("PHONE");
        assertThat(event(timeline, "WITHDRAWN", null).path("details").path("noteRecorded").asBoolean()).isTrue();
        assertThat(event(timeline, "CLOSED", null).path("details").path("reason").asText()).isEqualTo("WITHDRAWN");
        JsonNode header = timeline.get("header");
        assertThat(header.get("status").asText()).isEqualTo("CLOSED");
        assertThat(header.get("closedAt").asText()).isEqualTo("2026-12-10T12:40:00-06:00");
        assertThat(timeline.toString()).doesNotContain("Patient phoned to withdraw");
    }

    @Test
    void aPlanExtensionShowsWhoExtendedItAtWhoseRequestWhyAndTheNewDeadline() {
        cases.now(chicago("12:00"));
        String n = cases.logCase("LETTER", "2026-12-04T16:30:00-06:00", "BILLING", ",\"regimes\":[\"MEDICAID\"]");
        cases.now(chicago("12:10"));
        cases.complete(n, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        cases.now(chicago("12:30"));
        CaseDriver.Answer extended = cases.post(PATIENT_RELATIONS, "/api/grievances/" + n + "/clocks/MEDICAID/extension", """
                {"requestedBy":"PLAN","days":14,"reason":"Awaiting provider records",
                 "informationNeeded":"Provider records","enrolleeInterest":"A complete review"}""");
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);

        JsonNode timeline = cases.timeline(n, AUDITOR);
        JsonNode extension = event(timeline, "CLOCK_EXTENDED", null);
        assertThat(CaseDriver.line(extension)).isEqualTo("CLOCK_EXTENDED secrelations 2026-12-10T12:30:00-06:00");
        assertThat(extension.get("atUtc").asText()).isEqualTo("2026-12-10T18:30:00Z");
        assertThat(extension.get("zone").asText()).isEqualTo("America/Chicago");
        JsonNode d = extension.get("details");
        assertThat(d.get("regime").asText()).isEqualTo("MEDICAID");
        assertThat(d.get("requestedBy").asText()).isEqualTo("PLAN");
        assertThat(d.get("days").asInt()).isEqualTo(14);
        assertThat(d.get("reason").asText()).isEqualTo("Awaiting provider records");
        // 2027-03-18 is after the change to daylight time: -05:00 in Chicago
        assertThat(d.get("dueAt").asText()).isEqualTo("2027-03-18T23:59:59.999-05:00");
        assertThat(d.get("noticeDueAt").asText()).isEqualTo("2026-12-12T23:59:59.999-06:00");
        assertThat(extension.get("summary").asText()).isEqualTo("secrelations extended the MEDICAID clock by 14 days "
                + "at the request of the PLAN (Awaiting provider records); it is now due 2027-03-18T23:59:59.999-05:00.");
        List<JsonNode> timers = all(timeline, "CLOCK_TIMERS_SET");
        assertThat(timers).extracting(CaseDriver::line).containsExactly(
                "CLOCK_TIMERS_SET - 2026-12-10T12:10:00-06:00", "CLOCK_TIMERS_SET - 2026-12-10T12:30:00-06:00");
        assertThat(timers.get(0).path("details").path("dueAt").asText()).isEqualTo("2027-03-04T23:59:59.999-06:00");
        assertThat(timers.get(1).path("details").path("dueAt").asText()).isEqualTo("2027-03-18T23:59:59.999-05:00");
        JsonNode header = timeline.get("header");
        assertThat(header.get("extended").asBoolean()).isTrue();
        assertThat(header.get("regimes").toString()).isEqualTo("[\"MEDICAID\"]");
        assertThat(header.get("responseDueAt").asText()).isEqualTo("2027-03-18T23:59:59.999-05:00");
    }

    @Test
    void anExpediteShowsItsTriggerWhoExpeditedAndTheTwentyFourHourDeadline() {
        cases.now(chicago("12:00"));
        String n = cases.logCase("LETTER", "2026-12-10T09:00:00-06:00", "BILLING",
                ",\"regimes\":[\"MEDICARE_ADVANTAGE\"]");
        cases.now(chicago("12:10"));
        cases.complete(n, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        cases.now(chicago("12:30"));
        CaseDriver.Answer expedited = cases.post(PATIENT_RELATIONS,
                "/api/grievances/" + n + "/clocks/MEDICARE_ADVANTAGE/expedite",
                "{\"trigger\":\"MA_REFUSED_EXPEDITED_DETERMINATION\"}");
        assertThat(expedited.status()).as(expedited.body()).isEqualTo(200);

        JsonNode timeline = cases.timeline(n, AUDITOR);
        JsonNode expedite = event(timeline, "CLOCK_EXPEDITED", null);
        assertThat(CaseDriver.line(expedite)).isEqualTo("CLOCK_EXPEDITED secrelations 2026-12-10T12:30:00-06:00");
        assertThat(expedite.path("details").path("trigger").asText()).isEqualTo("MA_REFUSED_EXPEDITED_DETERMINATION");
        // 24 hours from the receipt instant
        assertThat(expedite.path("details").path("dueAt").asText()).isEqualTo("2026-12-11T09:00:00-06:00");
        assertThat(all(timeline, "CLOCK_TIMERS_SET")).extracting(e -> CaseDriver.line(e) + " "
                + e.path("details").path("dueAt").asText()).containsExactly(
                "CLOCK_TIMERS_SET - 2026-12-10T12:10:00-06:00 2027-01-09T23:59:59.999-06:00",
                "CLOCK_TIMERS_SET - 2026-12-10T12:30:00-06:00 2026-12-11T09:00:00-06:00");
        // the plan notified the classification by letter: that letter is on the timeline too
        assertThat(all(timeline, "LETTER_APPROVED")).extracting(e -> e.path("details").path("letterKind").asText())
                .containsExactly("CLASSIFICATION_NOTICE");
        JsonNode header = timeline.get("header");
        assertThat(header.get("expedited").asBoolean()).isTrue();
        assertThat(header.get("responseDueAt").asText()).isEqualTo("2026-12-11T09:00:00-06:00");
    }

    @Test
    void aMissedDeadlineShowsTheReminderTheEscalationAndTheBreachWhenTheTimersFired() {
        cases.now(chicago("12:00"));
        String n = cases.logCase("LETTER", "2026-12-04T16:30:00-06:00", "NURSING", "");
        cases.now(chicago("12:10"));
        cases.complete(n, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        cases.now(chicago("13:00"));
        cases.fire(n, "hospitalClock", "reminderTimer");
        cases.now(Instant.parse("2026-12-12T00:00:00Z"));
        cases.fire(n, "hospitalClock", "escalationTimer");
        // the deadline is the end of 2026-12-11 in Chicago; the job runs a little after it
        cases.now(Instant.parse("2026-12-12T06:30:00Z"));
        cases.fire(n, "hospitalClock", "breachTimer");

        JsonNode timeline = cases.timeline(n, AUDITOR);
        assertThat(steps(timeline)).endsWith(
                "CLOCK_REMINDER - 2026-12-10T13:00:00-06:00",
                "ESCALATED - 2026-12-11T18:00:00-06:00",
                "CLOCK_BREACHED - 2026-12-12T00:30:00-06:00");
        JsonNode breach = event(timeline, "CLOCK_BREACHED", null);
        assertThat(breach.get("atUtc").asText()).isEqualTo("2026-12-12T06:30:00Z");
        assertThat(breach.get("zone").asText()).isEqualTo("America/Chicago");
        assertThat(breach.path("details").path("lateAt").asText()).isEqualTo("2026-12-11T23:59:59.999-06:00");
        assertThat(event(timeline, "ESCALATED", null).path("details").path("regime").asText()).isEqualTo("HOSPITAL_COP");
        assertThat(timeline.get("header").get("late").asBoolean()).isTrue();
        assertThat(timeline.get("header").get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void anUnknownCaseIsANotFoundProblemAndOnlyReadersMayReadATimeline() {
        CaseDriver.Answer unknown = cases.get(AUDITOR, "/api/grievances/GRV-2026-999998/timeline");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).isEqualTo("There is no grievance case with this number.");

        cases.now(chicago("12:00"));
        String n = cases.logCase("LETTER", "2026-12-04T16:30:00-06:00", "NURSING", "");
        CaseDriver.Answer refused = cases.get(NO_GROUP, "/api/grievances/" + n + "/timeline");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(reads(cases.timeline(n, AUDITOR))).as("a refused read reads nothing")
                .containsExactly("READ secauditor 2026-12-10T12:00:00-06:00 timeline API");
    }

    private static List<JsonNode> all(JsonNode timeline, String kind) {
        List<JsonNode> found = new ArrayList<>();
        timeline.get("events").forEach(e -> {
            if (e.get("kind").asText().equals(kind)) {
                found.add(e);
            }
        });
        return found;
    }

    private static List<String> tasksOf(JsonNode timeline, String kind) {
        return all(timeline, kind).stream().map(e -> e.path("details").path("task").asText()).toList();
    }

    /** The timeline reads of the case, "READ actor at action surface". */
    private static List<String> reads(JsonNode timeline) {
        return all(timeline, "READ").stream().filter(e -> "timeline".equals(e.path("details").path("action").asText()))
                .map(e -> CaseDriver.line(e) + " " + e.path("details").path("action").asText() + " "
                        + e.path("details").path("surface").asText())
                .toList();
    }
}
