package org.opengrievance.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.Patients;
import org.opengrievance.support.StaffSteps;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.http.MediaType;

/**
 * Drives the known cases of the trend tests: logged through {@code POST /api/grievances} at their receipt, then
 * worked by the test users through their tasks, each step at its own instant (the engine's clock and the
 * application's moved together).
 */
final class TrendRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestUsers users;
    private final StaffSteps staff;
    private final MutableClock appClock;

    TrendRun(TestUsers users, StaffSteps staff, MutableClock appClock) {
        this.users = users;
        this.staff = staff;
        this.appClock = appClock;
    }

    void at(String instant) {
        Instant t = OffsetDateTime.parse(instant).toInstant();
        ClockUtil.setCurrentTime(Date.from(t));
        appClock.set(t);
    }

    /** Logged by intake at its receipt; {@code extra} is more JSON members (without braces), or empty. */
    String log(String channel, String receivedAt, String serviceArea, String extra) {
        at(receivedAt);
        String body = """
                {"channel":"%s","receivedAt":"%s","patientName":"%s","complaintText":"Trend test complaint %s.",
                 "serviceArea":"%s","preferredLanguage":"en","patientAddress":"1 Test Street, Springfield"%s}"""
                .formatted(channel, receivedAt, Patients.unique(), Patients.memberId(), serviceArea,
                        extra.isEmpty() ? "" : "," + extra);
        String answer = users.as(Role.INTAKE).post().uri("/api/grievances").contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(String.class);
        try {
            JsonNode node = JSON.readTree(answer);
            assertThat(node.path("caseNumber").asText()).startsWith("GRV-2024-");
            return node.path("caseNumber").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    void confirm(String caseNumber, String classification) {
        staff.work(caseNumber, "confirmClassification", Role.INTAKE, Map.of("classification", classification));
    }

    /** Confirmed a grievance, acknowledged by phone, investigated and coded by the department's investigator. */
    void investigate(String caseNumber, Role investigator, String category, String severity, String harm) {
        confirm(caseNumber, "GRIEVANCE");
        staff.work(caseNumber, "acknowledgeReceipt", Role.PATIENT_RELATIONS, Map.of("acknowledgedVia", "PHONE"));
        staff.work(caseNumber, "gatherFindings", investigator, Map.of("findings", "Confirmed by the staff on duty.",
                "stepsTaken", "Interviewed staff and the patient.", "issue1", "The concern as stated"));
        staff.work(caseNumber, "codeIssue", investigator,
                Map.of("hcatCategory", category, "hcatSeverity", severity, "harmLevel", harm));
    }

    /** Drafted, approved, the resolution letter mailed on {@code mailedAt} (recorded five minutes later), closed. */
    void answerByMail(String caseNumber, String mailedAt) {
        at(OffsetDateTime.parse(mailedAt).minusHours(2).toString());
        staff.work(caseNumber, "draftResponse", Role.PATIENT_RELATIONS, Map.of(
                "answer1", "We spoke with the team about it.", "responseDraft", "Your concern was reviewed.",
                "contactPerson", "Paula Patient-Relations", "contactTitle", "Patient Relations Manager",
                "contactPhone", "(555) 010-0100", "responseChannel", "MAIL"));
        staff.work(caseNumber, "approveResponse", Role.DIRECTOR, Map.of("approvalDecision", "APPROVE"));
        at(OffsetDateTime.parse(mailedAt).plusMinutes(5).toString());
        staff.work(caseNumber, "printAndMailLetter", Role.PATIENT_RELATIONS, Map.of("mailedAt", mailedAt));
        staff.work(caseNumber, "closeGrievance", Role.PATIENT_RELATIONS, Map.of("closureReason", "RESOLVED"));
    }
}
