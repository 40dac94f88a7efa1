package org.opengrievance.relink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.DIRECTOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.time.Instant;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E5: an open case reclassified onto another track, in either direction, with the reason and the person: a new
 * case on the chosen track counted from the original receipt, the first case closed as RECLASSIFIED with its
 * clocks stopped, both linked both ways, in one transaction. Over HTTP as the people who do it; the test clock is
 * set to the call (Monday 2026-01-05 09:15) and to the reclassification three days later.
 */
@GrievanceAppTest
class CaseReclassificationTests {

    /** Thursday 2026-01-08, 10:00 in the plan's zone. */
    static final Instant THREE_DAYS_LATER = Instant.parse("2026-01-08T16:00:00Z");

    @Autowired TestUsers users;
    @Autowired MutableClock clock;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
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

    /** A plan grievance, confirmed by intake and open (its classification notice waits in the print queue). */
    String openPlanGrievance(String text, boolean abuse) {
        String caseNumber = plan.call("COMPLAINT", text, abuse);
        plan.confirm(caseNumber, INTAKE, "GRIEVANCE");
        return caseNumber;
    }

    static String reclassification(String track, String reason) {
        return "{\"classification\":\"" + track + "\",\"reason\":\"" + reason + "\"}";
    }

    @Test
    void aCallReclassifiedThreeDaysLaterAsAStandardPreServiceReconsiderationIsDueThirtyDaysFromTheCall() {
        String grievance = openPlanGrievance("They will not pay for my MRI until someone reviews it again.", false);
        clock.set(THREE_DAYS_LATER);

        RelinkHttp.Answer changed = http.post(INTAKE, "/api/grievances/" + grievance + "/reclassification",
                reclassification("APPEAL", "A request to reconsider the MRI denial before the service: a standard"
                        + " pre-service reconsideration."));

        assertThat(changed.status()).as(String.valueOf(changed.body())).isEqualTo(201);
        JsonNode appeal = changed.newCase();
        String number = appeal.path("caseNumber").asText();
        assertThat(appeal.path("link").asText()).isEqualTo("RECLASSIFIED");
        assertThat(appeal.path("classification").asText()).isEqualTo("APPEAL");
        assertThat(appeal.path("receivedAt").asText()).isEqualTo(PlanCases.CALL);
        assertThat(appeal.path("originalReceivedAt").asText()).isEqualTo(PlanCases.CALL);
        assertThat(appeal.path("atRisk").asBoolean()).as("27 of the 30 days remain").isTrue();
        assertThat(changed.body().path("status").asText()).isEqualTo("CLOSED");
        assertThat(changed.body().path("closureReason").asText()).isEqualTo("RECLASSIFIED");

        // the person who reclassified confirms the new case's track; it is handed to the appeals team
        assertThat(http.get(INTAKE, "/api/grievances/" + number).body().path("classification").path("rule").asText())
                .isEqualTo("E5");
        assertThat(plan.task(number, "confirmClassification").getAssignee()).isEqualTo(INTAKE.userId());
        plan.confirm(number, INTAKE, "APPEAL");
        JsonNode handOff = http.get(INTAKE, "/api/grievances/" + number).body().path("handOff");
        // 30 days from the call on 01-05, not from the reclassification on 01-08 (which would be 02-07)
        assertThat(handOff.path("dueAt").asText()).isEqualTo(PlanCases.THIRTY_DAYS);
        assertThat(handOff.path("rule").asText()).startsWith("42 CFR 422.590(a)");
        plan.mailNotice(number, "2026-01-08T10:00:00-06:00");
        Task appeals = plan.task(number, "handOffToAppeals");
        assertThat(appeals.getDueDate().toInstant()).isEqualTo(OffsetDateTime.parse(PlanCases.THIRTY_DAYS).toInstant());
    }

    @Test
    void theFirstCaseEndsReclassifiedWithItsClocksStoppedAndNothingOfItLeftOpen() {
        String grievance = openPlanGrievance("They will not pay for my MRI until someone reviews it again.", false);
        clock.set(THREE_DAYS_LATER);
        String number = http.post(PATIENT_RELATIONS, "/api/grievances/" + grievance + "/reclassification",
                reclassification("APPEAL", "The enrollee wants the MRI denial reconsidered.")).newCase()
                .path("caseNumber").asText();

        JsonNode first = http.get(PATIENT_RELATIONS, "/api/grievances/" + grievance).body();
        assertThat(first.path("status").asText()).isEqualTo("CLOSED");
        assertThat(first.path("closure").path("reason").asText()).isEqualTo("RECLASSIFIED");
        assertThat(first.path("closure").path("closedBy").asText()).isEqualTo(PATIENT_RELATIONS.userId());
        assertThat(first.path("closure").path("closedAt").asText()).isEqualTo("2026-01-08T10:00:00-06:00");
        assertThat(first.path("closure").path("note").asText()).isEqualTo("Reclassified as APPEAL: " + number
                + ". The enrollee wants the MRI denial reconsidered.");
        JsonNode clockOfFirst = first.path("deadlines").get(0);
        assertThat(clockOfFirst.path("regime").asText()).isEqualTo("MEDICARE_ADVANTAGE");
        assertThat(clockOfFirst.path("stoppedAt").asText()).isEqualTo("2026-01-08T10:00:00-06:00");
        // the grievance, its clock process and its classification notice's delivery all ended
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(grievance).count()).isZero();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(grievance).count()).isZero();
        assertThat(tasks.createTaskQuery().processVariableValueEquals("caseNumber", grievance).count()).isZero();

        JsonNode to = first.path("links");
        assertThat(to).hasSize(1);
        assertThat(to.get(0).path("direction").asText()).isEqualTo("TO");
        assertThat(to.get(0).path("caseNumber").asText()).isEqualTo(number);
        assertThat(to.get(0).path("kind").asText()).isEqualTo("RECLASSIFIED");
        assertThat(to.get(0).path("classification").asText()).isEqualTo("APPEAL");
        JsonNode from = http.get(PATIENT_RELATIONS, "/api/grievances/" + number).body().path("links");
        assertThat(from).hasSize(1);
        assertThat(from.get(0).path("direction").asText()).isEqualTo("FROM");
        assertThat(from.get(0).path("caseNumber").asText()).isEqualTo(grievance);
        assertThat(from.get(0).path("by").asText()).isEqualTo(PATIENT_RELATIONS.userId());

        // both timelines: the link, then (on the first case) the clock stopped and the closure, by the person
        JsonNode events = http.get(PATIENT_RELATIONS, "/api/grievances/" + grievance + "/timeline").body()
                .path("events");
        java.util.List<String> lastKinds = new java.util.ArrayList<>();
        // the reads of the case (the PHI access log) aside
        events.forEach(e -> {
            if (!"READ".equals(e.path("kind").asText())) {
                lastKinds.add(e.path("kind").asText());
            }
        });
        assertThat(lastKinds.subList(lastKinds.size() - 3, lastKinds.size()))
                .containsExactly("LINKED_TO", "CLOCK_STOPPED", "CLOSED");
        JsonNode closed = null;
        for (JsonNode e : events) {
            if ("CLOSED".equals(e.path("kind").asText())) {
                closed = e;
            }
        }
        assertThat(closed.path("actor").asText()).isEqualTo(PATIENT_RELATIONS.userId());
        assertThat(closed.path("details").path("reason").asText()).isEqualTo("RECLASSIFIED");
    }

    @Test
    void anAppealReclassifiedAsAGrievanceGetsTheGrievanceClockFromTheCall() {
        String appeal = plan.call("DENIAL_REVIEW", "I was charged for a visit the plan said it covers.", false);
        plan.confirm(appeal, INTAKE, "APPEAL");
        plan.mailNotice(appeal, "2026-01-05T09:30:00-06:00");
        assertThat(plan.task(appeal, "handOffToAppeals")).isNotNull();
        clock.set(THREE_DAYS_LATER);

        JsonNode grievance = http.post(DIRECTOR, "/api/grievances/" + appeal + "/reclassification",
                reclassification("GRIEVANCE", "The enrollee complains about the billing, not a coverage denial."))
                .newCase();

        String number = grievance.path("caseNumber").asText();
        assertThat(grievance.path("classification").asText()).isEqualTo("GRIEVANCE");
        // MA-3: 30 days from the call, although the plan clock of the appeal had stopped at its hand-off
        assertThat(grievance.path("responseDueAt").asText()).isEqualTo(PlanCases.THIRTY_DAYS);
        JsonNode view = http.get(DIRECTOR, "/api/grievances/" + number).body();
        assertThat(view.path("deadlines").get(0).path("receivedAt").asText()).isEqualTo(PlanCases.CALL);
        assertThat(view.path("deadlines").get(0).path("stoppedAt").isNull()).isTrue();
        assertThat(cases.findByCaseNumber(appeal).orElseThrow().closureReason()).isEqualTo("RECLASSIFIED");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(appeal).count()).as("no hand-off left").isZero();
    }

    @Test
    void anOpenAbuseReviewStaysOpenWhenTheGrievanceBecomesAnAppeal() {
        String grievance = openPlanGrievance("The driver shoved my father and the plan denied his MRI.", true);
        assertThat(plan.task(grievance, "reviewAbuseAllegation")).isNotNull();
        clock.set(THREE_DAYS_LATER);
        http.post(PATIENT_RELATIONS, "/api/grievances/" + grievance + "/reclassification",
                reclassification("APPEAL", "The MRI denial is to be reconsidered."));

        // E6's exception applies: the duty to review an abuse allegation does not move with the track
        Task review = plan.task(grievance, "continueAbuseReviewAfterReclassification");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("pr-director").count()).isEqualTo(1);
        assertThat(cases.findByCaseNumber(grievance).orElseThrow().status()).isEqualTo("OPEN");
        RelinkHttp.Answer again = http.post(PATIENT_RELATIONS, "/api/grievances/" + grievance + "/reclassification",
                reclassification("COVERAGE_REQUEST", "Another try."));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().path("detail").asText()).isEqualTo("This case was already reclassified: work the case it became.");

        plan.complete(DIRECTOR, review, java.util.Map.of("protectiveActions", "Driver suspended; family informed.",
                "stateReportFiled", true));
        assertThat(cases.findByCaseNumber(grievance).orElseThrow().closureReason()).isEqualTo("RECLASSIFIED");
    }

    @Test
    void whatCannotBeReclassifiedIsRefusedAndLeavesNothingBehind() {
        String grievance = openPlanGrievance("Your rep was rude.", false);
        String hospital = http.logCase("""
                {"channel":"LETTER","receivedAt":"2026-01-05T09:15:00-06:00","patientName":"Pat Testpatient",
                 "complaintText":"The meals arrived cold three days running.","serviceArea":"DIETARY",
                 "preferredLanguage":"en"}""");
        clock.set(THREE_DAYS_LATER);
        long before = cases.count();

        RelinkHttp.Answer same = http.post(INTAKE, "/api/grievances/" + grievance + "/reclassification",
                reclassification("GRIEVANCE", "No change."));
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.body().path("detail").asText()).isEqualTo("The case is already classified GRIEVANCE: choose another track.");
        RelinkHttp.Answer hospitalAppeal = http.post(INTAKE, "/api/grievances/" + hospital + "/reclassification",
                reclassification("APPEAL", "The patient wants a review."));
        assertThat(hospitalAppeal.status()).isEqualTo(409);
        assertThat(hospitalAppeal.body().path("rule").asText()).isEqualTo("MA-1");
        RelinkHttp.Answer notATrack = http.post(INTAKE, "/api/grievances/" + grievance + "/reclassification",
                reclassification("COMPLAINT", "Resolved on the phone."));
        assertThat(notATrack.status()).isEqualTo(400);
        assertThat(notATrack.body().path("errors").get(0).path("field").asText()).isEqualTo("classification");
        RelinkHttp.Answer noReason = http.post(INTAKE, "/api/grievances/" + grievance + "/reclassification",
                "{\"classification\":\"APPEAL\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        RelinkHttp.Answer unknown = http.post(INTAKE, "/api/grievances/GRV-2026-999999/reclassification",
                reclassification("APPEAL", "A review."));
        assertThat(unknown.status()).isEqualTo(404);
        for (TestUsers.Role role : new TestUsers.Role[] {AUDITOR, TestUsers.Role.NURSING_INVESTIGATOR}) {
            assertThat(http.post(role, "/api/grievances/" + grievance + "/reclassification",
                    reclassification("APPEAL", "A review.")).status()).as(role.name()).isEqualTo(403);
        }

        assertThat(cases.count()).isEqualTo(before);
        assertThat(cases.findByCaseNumber(grievance).orElseThrow().status()).isEqualTo("OPEN");
        assertThat(http.get(INTAKE, "/api/grievances/" + grievance).body().path("links")).isEmpty();
        assertThat(http.get(INTAKE, "/api/grievances/" + grievance).body().path("deadlines").get(0)
                .path("stoppedAt").isNull()).isTrue();
    }
}
