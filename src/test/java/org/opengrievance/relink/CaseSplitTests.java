package org.opengrievance.relink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * MA-1: a mixed contact ("you denied my MRI and your rep was rude") is split: each part that belongs to another
 * procedure becomes a new linked case on its own track, with its own clock from the original call, handed to its
 * own owner; the first case stays open for the rest (the grievance about the rep).
 */
@GrievanceAppTest
class CaseSplitTests {

    static final Instant THREE_DAYS_LATER = Instant.parse("2026-01-08T16:00:00Z");
    static final String MIXED = "You denied my MRI and your rep was rude to me on the phone.";

    @Autowired TestUsers users;
    @Autowired MutableClock clock;
    @Autowired TaskService tasks;
    @Autowired GrievanceCaseRepository cases;
    RelinkHttp http;
    PlanCases plan;

    @BeforeEach
    void setUp() {
        http = new RelinkHttp(users);
        plan = new PlanCases(http, tasks);
        clock.set(Instant.parse("2026-01-05T15:30:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.set(GrievanceAppTest.NOW);
    }

    String mixedCall() {
        String caseNumber = plan.call("COMPLAINT", MIXED, false);
        plan.confirm(caseNumber, INTAKE, "GRIEVANCE");
        return caseNumber;
    }

    @Test
    void theDeniedMriIsSplitOffAsAnAppealFromTheCallAndTheRudenessStaysAnOpenGrievance() {
        String grievance = mixedCall();
        clock.set(THREE_DAYS_LATER);

        RelinkHttp.Answer split = http.post(PATIENT_RELATIONS, "/api/grievances/" + grievance + "/split", """
                {"reason":"The enrollee also asks for the MRI denial to be reconsidered.",
                 "parts":[{"classification":"APPEAL","complaintText":"You denied my MRI."}]}""");

        assertThat(split.status()).as(String.valueOf(split.body())).isEqualTo(201);
        assertThat(split.body().path("newCases")).hasSize(1);
        JsonNode appeal = split.newCase();
        String number = appeal.path("caseNumber").asText();
        assertThat(appeal.path("link").asText()).isEqualTo("SPLIT");
        assertThat(appeal.path("classification").asText()).isEqualTo("APPEAL");
        assertThat(appeal.path("receivedAt").asText()).isEqualTo(PlanCases.CALL);
        assertThat(cases.findByCaseNumber(number).orElseThrow().complaintText()).isEqualTo("You denied my MRI.");

        // the appeal's own owner and its own deadline from the call
        plan.confirm(number, PATIENT_RELATIONS, "APPEAL");
        assertThat(http.get(PATIENT_RELATIONS, "/api/grievances/" + number).body().path("handOff").path("dueAt")
                .asText()).isEqualTo(PlanCases.THIRTY_DAYS);
        plan.mailNotice(number, "2026-01-08T10:00:00-06:00");
        assertThat(tasks.createTaskQuery().taskId(plan.task(number, "handOffToAppeals").getId())
                .taskCandidateGroup("appeals").count()).isEqualTo(1);

        // the grievance about the rep goes on, its clock still running to the same 30 days from the call
        JsonNode rest = http.get(PATIENT_RELATIONS, "/api/grievances/" + grievance).body();
        assertThat(split.body().path("status").asText()).isEqualTo("OPEN");
        assertThat(rest.path("status").asText()).isEqualTo("OPEN");
        assertThat(rest.path("classification").path("current").asText()).isEqualTo("GRIEVANCE");
        assertThat(rest.path("deadlines").get(0).path("dueAt").asText()).isEqualTo(PlanCases.THIRTY_DAYS);
        assertThat(rest.path("deadlines").get(0).path("stoppedAt").isNull()).isTrue();
        assertThat(plan.task(grievance, "acknowledgeReceipt")).isNotNull();
        JsonNode to = rest.path("links");
        assertThat(to).hasSize(1);
        assertThat(to.get(0).path("direction").asText()).isEqualTo("TO");
        assertThat(to.get(0).path("kind").asText()).isEqualTo("SPLIT");
        assertThat(to.get(0).path("caseNumber").asText()).isEqualTo(number);
        JsonNode from = http.get(PATIENT_RELATIONS, "/api/grievances/" + number).body().path("links");
        assertThat(from.get(0).path("direction").asText()).isEqualTo("FROM");
        assertThat(from.get(0).path("caseNumber").asText()).isEqualTo(grievance);
    }

    @Test
    void aContactWithAnAppealAndACoverageRequestSplitsIntoTwoCasesEachOnItsTrack() {
        String grievance = mixedCall();
        clock.set(THREE_DAYS_LATER);

        RelinkHttp.Answer split = http.post(INTAKE, "/api/grievances/" + grievance + "/split", """
                {"reason":"Two requests besides the complaint about the rep.",
                 "parts":[{"classification":"APPEAL","complaintText":"You denied my MRI."},
                          {"classification":"COVERAGE_REQUEST","complaintText":"Please cover physiotherapy."}]}""");

        assertThat(split.status()).as(String.valueOf(split.body())).isEqualTo(201);
        List<String> tracks = new ArrayList<>();
        split.body().path("newCases").forEach(c -> tracks.add(c.path("classification").asText()));
        assertThat(tracks).containsExactly("APPEAL", "COVERAGE_REQUEST");
        assertThat(http.get(INTAKE, "/api/grievances/" + grievance).body().path("links")).hasSize(2);
        for (JsonNode c : split.body().path("newCases")) {
            assertThat(plan.task(c.path("caseNumber").asText(), "confirmClassification").getAssignee())
                    .isEqualTo(INTAKE.userId());
        }
    }

    @Test
    void aPartMustGoOntoAnotherTrackOfAnOpenCase() {
        String grievance = mixedCall();
        clock.set(THREE_DAYS_LATER);
        long before = cases.count();

        RelinkHttp.Answer sameTrack = http.post(INTAKE, "/api/grievances/" + grievance + "/split", """
                {"reason":"Rude rep.","parts":[{"classification":"GRIEVANCE"}]}""");
        assertThat(sameTrack.status()).isEqualTo(409);
        RelinkHttp.Answer twice = http.post(INTAKE, "/api/grievances/" + grievance + "/split", """
                {"reason":"Two appeals.","parts":[{"classification":"APPEAL"},{"classification":"APPEAL"}]}""");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body().path("errors").get(0).path("field").asText()).isEqualTo("parts[1].classification");
        RelinkHttp.Answer none = http.post(INTAKE, "/api/grievances/" + grievance + "/split", """
                {"reason":"Nothing.","parts":[]}""");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body().path("errors").get(0).path("field").asText()).isEqualTo("parts");
        RelinkHttp.Answer auditor = http.post(TestUsers.Role.AUDITOR, "/api/grievances/" + grievance + "/split", """
                {"reason":"An appeal.","parts":[{"classification":"APPEAL"}]}""");
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(cases.count()).isEqualTo(before);

        // a part that fails lets no other part through: the first part's case is not left behind
        RelinkHttp.Answer secondFails = http.post(INTAKE, "/api/grievances/" + grievance + "/split", """
                {"reason":"An appeal and the rest.","parts":[{"classification":"APPEAL"},{"classification":"GRIEVANCE"}]}""");
        assertThat(secondFails.status()).isEqualTo(409);
        assertThat(cases.count()).isEqualTo(before);
        assertThat(http.get(INTAKE, "/api/grievances/" + grievance).body().path("links")).isEmpty();
    }
}
