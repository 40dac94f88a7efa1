package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.APPEALS;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opengrievance.letter.LetterService;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every route out of classification, through the surfaces staff use: the intake API, then "Confirm classification"
 * completed over engine-rest as Tasklist does (CMS-HOSP-2, MA-1, E9). A contact that is not a grievance is recorded,
 * closed with its route and its clocks stopped, never dropped; a plan contact that is a coverage request or an appeal
 * is told which procedure applies and handed to the appeals team with a deadline from the original receipt.
 */
@GrievanceAppTest
class ClassificationRoutesTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired LetterService letters;

    static final String VERBAL = "\"channel\":\"PHONE\",\"receivedAt\":\"2026-12-04T16:30:00-06:00\","
            + "\"patientName\":\"Pat Testpatient\",\"serviceArea\":\"OTHER\",\"preferredLanguage\":\"en\"";

    @Test
    void verbalBillingDisputeWithoutA489IssueIsClosedAsNotAGrievanceRoutedToPatientFinancialServices() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, VERBAL + ",\"subject\":\"BILLING\",\"resolvedAtPointOfCare\":false,"
                + "\"complaintText\":\"I was charged twice for the parking.\"");
        JsonNode suggested = view(http, caseNumber).path("classification");
        assertThat(suggested.path("suggested").asText()).isEqualTo("NOT_A_GRIEVANCE");
        assertThat(suggested.path("rule").asText()).isEqualTo("CMS-HOSP-2(e)");

        GateHttp.Answer done = confirm(http, caseNumber, Map.of("classification", "NOT_A_GRIEVANCE"));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        JsonNode view = view(http, caseNumber);
        assertThat(view.path("status").asText()).isEqualTo("CLOSED");
        assertThat(view.path("closure").path("reason").asText()).isEqualTo("NOT_A_GRIEVANCE");
        assertThat(view.path("closure").path("note").asText()).isEqualTo("Routed to PATIENT_FINANCIAL_SERVICES");
        assertThat(view.path("classification").path("current").asText()).isEqualTo("NOT_A_GRIEVANCE");
        assertThat(view.path("classification").path("route").asText()).isEqualTo("PATIENT_FINANCIAL_SERVICES");
        assertThat(view.path("deadlines")).hasSize(1);
        assertThat(view.path("deadlines").get(0).path("stoppedAt").asText()).isEqualTo("2026-12-10T12:00:00-06:00");
        assertThat(letters.list(caseNumber)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
        // the auditor's timeline shows the closure with its reason
        assertThat(closedEvent(http, caseNumber).path("details").path("reason").asText()).isEqualTo("NOT_A_GRIEVANCE");
    }

    @Test
    void aComplaintResolvedAtThePointOfCareIsClosedWithItsClockStopped() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, VERBAL + ",\"resolvedAtPointOfCare\":true,"
                + "\"pointOfCareResolution\":\"The nurse brought a blanket at once.\",\"complaintText\":\"The room was cold.\"");
        assertThat(view(http, caseNumber).path("classification").path("suggested").asText()).isEqualTo("COMPLAINT");

        GateHttp.Answer done = confirm(http, caseNumber, Map.of("classification", "COMPLAINT"));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        JsonNode view = view(http, caseNumber);
        assertThat(view.path("status").asText()).isEqualTo("CLOSED");
        assertThat(view.path("closure").path("reason").asText()).isEqualTo("RESOLVED_AT_POINT_OF_CARE");
        // the clock opened at receipt stops with the closure: a closed case keeps no running deadline
        assertThat(view.path("deadlines")).hasSize(1);
        assertThat(view.path("deadlines").get(0).path("stoppedAt").asText()).isEqualTo("2026-12-10T12:00:00-06:00");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
        assertThat(letters.list(caseNumber)).isEmpty();
    }

    private static JsonNode closedEvent(GateHttp http, String caseNumber) {
        GateHttp.Answer timeline = http.get(AUDITOR, "/api/grievances/" + caseNumber + "/timeline");
        assertThat(timeline.status()).as(timeline.body()).isEqualTo(200);
        for (JsonNode e : timeline.json().path("events")) {
            if ("CLOSED".equals(e.path("kind").asText())) {
                return e;
            }
        }
        throw new AssertionError("no CLOSED event in " + timeline.body());
    }

    @Test
    void surveyCommentWithoutARequestIsRecordedAsFeedbackAndClosed() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, VERBAL.replace("PHONE", "SURVEY")
                + ",\"complaintText\":\"The ED wait was too long.\",\"patientIdentified\":true");
        GateHttp.Answer done = confirm(http, caseNumber, Map.of("classification", "NOT_A_GRIEVANCE"));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        JsonNode view = view(http, caseNumber);
        assertThat(view.path("channel").asText()).isEqualTo("SURVEY");
        assertThat(view.path("closure").path("reason").asText()).isEqualTo("NOT_A_GRIEVANCE");
        assertThat(view.path("classification").path("route").asText()).isEqualTo("SURVEY_FEEDBACK");
        String reason = "A satisfaction-survey comment with no request for resolution from an identified patient is "
                + "feedback, not a grievance";
        assertThat(view.path("classification").path("reason").asText()).isEqualTo(reason);
        JsonNode history = view.path("classification").path("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(1).path("kind").asText()).isEqualTo("CONFIRMED");
        assertThat(history.get(1).path("reason").asText()).isEqualTo("Confirmed: " + reason);
    }

    @Test
    void surveyCommentOfAnIdentifiedPatientAskingForResolutionIsPromotedToAGrievance() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, VERBAL.replace("PHONE", "SURVEY")
                + ",\"complaintText\":\"The ED wait was too long. Please call me.\",\"patientIdentified\":true,"
                + "\"responseRequested\":true");
        assertThat(view(http, caseNumber).path("classification").path("rule").asText()).isEqualTo("CMS-HOSP-2(h)");
        GateHttp.Answer done = confirm(http, caseNumber, Map.of("classification", "GRIEVANCE"));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        JsonNode view = view(http, caseNumber);
        assertThat(view.path("status").asText()).isEqualTo("OPEN");
        assertThat(view.path("activeActivities")).extracting(JsonNode::asText).contains("acknowledgeReceipt");
    }

    @Test
    void aSuggestedNonGrievanceMayBeRaisedToAGrievanceWithAReason() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, VERBAL + ",\"subject\":\"BILLING\",\"complaintText\":\"The bill is wrong.\"");
        GateHttp.Answer done = confirm(http, caseNumber, Map.of("classification", "GRIEVANCE",
                "overrideReason", "The patient says the billing office was rude: a complaint about treatment."));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        JsonNode view = view(http, caseNumber);
        assertThat(view.path("classification").path("current").asText()).isEqualTo("GRIEVANCE");
        assertThat(view.path("classification").path("route").isNull()).isTrue();
        assertThat(view.path("activeActivities")).extracting(JsonNode::asText).contains("acknowledgeReceipt");
    }

    @Test
    void aWrittenGrievanceCannotBeClosedAsNotAGrievance() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, VERBAL.replace("PHONE", "LETTER") + ",\"subject\":\"BILLING\","
                + "\"complaintText\":\"The bill is wrong.\"");
        GateHttp.Answer refused = confirm(http, caseNumber, Map.of("classification", "NOT_A_GRIEVANCE",
                "route", "PATIENT_FINANCIAL_SERVICES", "overrideReason", "It is only about the bill."));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.detail()).isEqualTo(
                "A written complaint is always a grievance (CMS-HOSP-2(c)): it cannot be changed to a complaint.");
        assertThat(view(http, caseNumber).path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aNonGrievanceNeedsARouteWhenThePersonChoseIt() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, VERBAL + ",\"resolvedAtPointOfCare\":false,\"complaintText\":\"Who do I ask?\"");
        GateHttp.Answer refused = confirm(http, caseNumber, Map.of("classification", "NOT_A_GRIEVANCE",
                "overrideReason", "The patient only had a question."));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("route");

        GateHttp.Answer done = confirm(http, caseNumber, Map.of("classification", "NOT_A_GRIEVANCE",
                "route", "INQUIRY", "overrideReason", "The patient only had a question."));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(view(http, caseNumber).path("classification").path("route").asText()).isEqualTo("INQUIRY");
    }

    @Test
    void theHospitalCannotClassifyAContactAsAPlanAppeal() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, VERBAL + ",\"resolvedAtPointOfCare\":false,\"complaintText\":\"Noise.\"");
        GateHttp.Answer refused = confirm(http, caseNumber, Map.of("classification", "APPEAL",
                "overrideReason", "Looks like an appeal."));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("classification");
        assertThat(refused.detail()).isEqualTo(
                "Choose a classification for the hospital: grievance, complaint or not a grievance.");
    }

    @Test
    void planAppealIsToldItsProcedureAndHandedToTheAppealsTeamWithItsDeadlineFromReceipt() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, plan("MEDICARE_ADVANTAGE", "DENIAL_REVIEW", "You denied my MRI."));
        JsonNode suggested = view(http, caseNumber).path("classification");
        assertThat(suggested.path("suggested").asText()).isEqualTo("APPEAL");
        assertThat(suggested.path("rule").asText()).isEqualTo("MA-1");
        assertThat(confirm(http, caseNumber, Map.of("classification", "APPEAL")).status()).isEqualTo(204);

        // the enrollee is told which procedure applies (422.564(b)): the notice goes to the print queue
        mail(http, caseNumber);
        Task handOff = task(caseNumber, "handOffToAppeals");
        // 42 CFR 422.590(a): 30 days from the receipt 2026-12-04, end of day in the plan's zone
        assertThat(handOff.getDueDate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2027-01-03T23:59:59.999-06:00").toInstant());
        JsonNode view = view(http, caseNumber);
        assertThat(view.path("handOff").path("dueAt").asText()).isEqualTo("2027-01-03T23:59:59.999-06:00");
        assertThat(view.path("handOff").path("rule").asText()).startsWith("42 CFR 422.590(a)");
        assertThat(view.path("deadlines").get(0).path("stoppedAt").isNull()).as("grievance clock stopped").isFalse();
        assertThat(letters.list(caseNumber)).extracting(l -> l.kind().name()).containsExactly("CLASSIFICATION_NOTICE");
        assertThat(tasks.createTaskQuery().taskId(handOff.getId()).taskCandidateGroup("appeals").count()).isEqualTo(1);

        GateHttp.Answer noReference = complete(http, APPEALS, handOff, Map.of());
        assertThat(noReference.status()).as(noReference.body()).isEqualTo(400);
        GateHttp.Answer done = complete(http, APPEALS, handOff, Map.of("appealsReference", "APL-2026-0042"));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        JsonNode closed = view(http, caseNumber);
        assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.path("closure").path("reason").asText()).isEqualTo("HANDED_OFF");
        assertThat(closed.path("handOff").path("reference").asText()).isEqualTo("APL-2026-0042");
        assertThat(closedEvent(http, caseNumber).path("details").path("reason").asText()).isEqualTo("HANDED_OFF");
    }

    @Test
    void partDCoverageRequestIsHandedOffWithItsSeventyTwoHours() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, plan("PART_D", "DECISION", "Please cover my inhaler."));
        assertThat(view(http, caseNumber).path("classification").path("suggested").asText()).isEqualTo("COVERAGE_REQUEST");
        assertThat(confirm(http, caseNumber, Map.of("classification", "COVERAGE_REQUEST")).status()).isEqualTo(204);
        mail(http, caseNumber);
        // 42 CFR 423.568(b): 72 hours on the instant timeline from receipt
        assertThat(task(caseNumber, "handOffToAppeals").getDueDate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-12-07T16:30:00-06:00").toInstant());
    }

    @Test
    void planInquiryIsToldItIsAnInquiryAndClosed() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, plan("MEDICARE_ADVANTAGE", "INFORMATION", "What is my copay?"));
        assertThat(confirm(http, caseNumber, Map.of("classification", "INQUIRY")).status()).isEqualTo(204);
        mail(http, caseNumber);
        JsonNode view = view(http, caseNumber);
        assertThat(view.path("status").asText()).isEqualTo("CLOSED");
        assertThat(view.path("closure").path("reason").asText()).isEqualTo("INQUIRY");
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
    }

    @Test
    void aPlanGrievanceMayBeReclassifiedAtConfirmationAsAnAppealButNotLoweredToAnInquiry() {
        GateHttp http = new GateHttp(users);
        String caseNumber = log(http, plan("MEDICARE_ADVANTAGE", "COMPLAINT", "Your rep was rude about my MRI."));
        GateHttp.Answer lowered = confirm(http, caseNumber, Map.of("classification", "INQUIRY",
                "overrideReason", "Just a question."));
        assertThat(lowered.status()).as(lowered.body()).isEqualTo(409);
        assertThat(lowered.detail()).startsWith("Under MA-1 any expression of dissatisfaction");
        GateHttp.Answer appeal = confirm(http, caseNumber, Map.of("classification", "APPEAL",
                "overrideReason", "The enrollee wants the MRI denial reviewed."));
        assertThat(appeal.status()).as(appeal.body()).isEqualTo(204);
        assertThat(view(http, caseNumber).path("classification").path("current").asText()).isEqualTo("APPEAL");
    }

    private static String plan(String regime, String action, String text) {
        return "\"channel\":\"PHONE\",\"receivedAt\":\"2026-12-04T16:30:00-06:00\",\"patientName\":\"Pat Testpatient\","
                + "\"serviceArea\":\"OTHER\",\"preferredLanguage\":\"en\",\"regimes\":[\"" + regime + "\"],"
                + "\"memberId\":\"M-1001\",\"patientAddress\":\"1 Main St, Springfield, IL 62701\","
                + "\"requestedAction\":\"" + action + "\",\"complaintText\":\"" + text + "\"";
    }

    /** Logs the contact for a patient of its own, so that no other open case makes it a possible duplicate (E7). */
    private static String log(GateHttp http, String fields) {
        GateHttp.Answer created = http.post(INTAKE, "/api/grievances",
                "{" + fields.replace("\"Pat Testpatient\"", "\"" + Patients.unique() + "\"") + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseNumber").asText();
    }

    private Task task(String caseNumber, String key) {
        List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).list();
        assertThat(open).as(key).hasSize(1);
        return open.get(0);
    }

    private GateHttp.Answer confirm(GateHttp http, String caseNumber, Map<String, Object> values) {
        return complete(http, INTAKE, task(caseNumber, "confirmClassification"), values);
    }

    /** The procedure notice went to the print queue (no email on file): patient relations record the mailing. */
    private void mail(GateHttp http, String caseNumber) {
        Task print = tasks.createTaskQuery().taskDefinitionKey("printAndMailLetter")
                .processVariableValueEquals("caseNumber", caseNumber).singleResult();
        assertThat(print).as("the procedure notice in the print queue").isNotNull();
        GateHttp.Answer claimed = http.post(PATIENT_RELATIONS, "/engine-rest/task/" + print.getId() + "/claim",
                GateHttp.json(Map.of("userId", PATIENT_RELATIONS.userId())));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        GateHttp.Answer mailed = complete(http, PATIENT_RELATIONS, print, Map.of("mailedAt", "2026-12-10T12:00:00-06:00"));
        assertThat(mailed.status()).as(mailed.body()).isEqualTo(204);
    }

    private GateHttp.Answer complete(GateHttp http, TestUsers.Role role, Task task, Map<String, Object> values) {
        if (task.getAssignee() == null && role != INTAKE) {
            http.post(role, "/engine-rest/task/" + task.getId() + "/claim", GateHttp.json(Map.of("userId", role.userId())));
        }
        Map<String, Object> wrapped = new LinkedHashMap<>();
        values.forEach((k, v) -> wrapped.put(k, Map.of("value", v)));
        return http.post(role, "/engine-rest/task/" + task.getId() + "/complete",
                GateHttp.json(Map.of("variables", wrapped)));
    }

    private static JsonNode view(GateHttp http, String caseNumber) {
        GateHttp.Answer a = http.get(AUDITOR, "/api/grievances/" + caseNumber);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }
}
