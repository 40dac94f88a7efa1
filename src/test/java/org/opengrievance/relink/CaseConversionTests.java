package org.opengrievance.relink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.StaffSteps;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E2(b): a bedside complaint resolved at the point of care, or a contact closed as not a grievance, becomes a
 * grievance when the patient later asks for a written response: a new case, linked both ways, received when the
 * patient asked, whose clocks count from the complaint's first receipt and which is at risk from the start when
 * less than the full length remains. Over HTTP as the people who do it, with the test clock set to each moment.
 */
@GrievanceAppTest
class CaseConversionTests {

    /** The bedside complaint: Tuesday 2026-12-01 10:00 in the facility's zone (America/Chicago). */
    static final String BEDSIDE = "2026-12-01T10:00:00-06:00";
    /** The patient calls back on Friday 2026-12-04 at 14:00 and asks for a letter. */
    static final String ASKED = "2026-12-04T14:00:00-06:00";

    @Autowired TestUsers users;
    @Autowired MutableClock clock;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired GrievanceCaseRepository cases;
    @Autowired HistoryService history;
    RelinkHttp http;
    StaffSteps staff;

    @BeforeEach
    void setUp() {
        http = new RelinkHttp(users);
        staff = new StaffSteps(tasks, forms, identity);
    }

    @AfterEach
    void resetClock() {
        clock.set(GrievanceAppTest.NOW);
    }

    /** Logged at the bedside and closed as resolved at the point of care, on 2026-12-01. */
    String closedBedsideComplaint() {
        clock.set(Instant.parse("2026-12-01T16:30:00Z"));
        String caseNumber = http.logCase("""
                {"channel":"IN_PERSON","receivedAt":"%s","patientName":"Pat Testpatient",
                 "complaintText":"The night nurse was curt when I asked for water.","serviceArea":"NURSING",
                 "resolvedAtPointOfCare":true,"pointOfCareResolution":"The charge nurse apologised and brought water.",
                 "preferredLanguage":"en"}""".formatted(BEDSIDE));
        staff.work(caseNumber, "confirmClassification", INTAKE, Map.of("classification", "COMPLAINT"));
        assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().closureReason()).isEqualTo("RESOLVED_AT_POINT_OF_CARE");
        return caseNumber;
    }

    static String conversion(String requestedAt) {
        return """
                {"requestedAt":"%s","reason":"The patient phoned and asked for a written response."}"""
                .formatted(requestedAt);
    }

    @Test
    void aBedsideComplaintConvertedThreeDaysLaterIsDueSevenDaysFromTheBedsideAndAtRisk() {
        String bedside = closedBedsideComplaint();
        clock.set(Instant.parse("2026-12-04T20:00:00Z"));

        RelinkHttp.Answer converted = http.post(PATIENT_RELATIONS, "/api/grievances/" + bedside + "/conversion",
                conversion(ASKED));

        assertThat(converted.status()).as(String.valueOf(converted.body())).isEqualTo(201);
        JsonNode grievance = converted.newCase();
        String number = grievance.path("caseNumber").asText();
        assertThat(converted.headers().getLocation()).hasToString("/api/grievances/" + number);
        assertThat(grievance.path("link").asText()).isEqualTo("CONVERTED");
        assertThat(grievance.path("classification").asText()).isEqualTo("GRIEVANCE");
        assertThat(grievance.path("receivedAt").asText()).isEqualTo(ASKED);
        assertThat(grievance.path("originalReceivedAt").asText()).isEqualTo(BEDSIDE);
        // day 0 = 12-01, so 12-08 at the end of the day in Chicago; counted from the request it would be 12-11
        assertThat(grievance.path("responseDueAt").asText()).isEqualTo("2026-12-08T23:59:59.999-06:00");
        assertThat(grievance.path("atRisk").asBoolean()).isTrue();
        assertThat(converted.body().path("status").asText()).isEqualTo("CLOSED");
        assertThat(converted.body().path("closureReason").asText()).isEqualTo("RESOLVED_AT_POINT_OF_CARE");

        JsonNode view = http.get(PATIENT_RELATIONS, "/api/grievances/" + number).body();
        JsonNode hospital = view.path("deadlines").get(0);
        assertThat(hospital.path("regime").asText()).isEqualTo("HOSPITAL_COP");
        assertThat(hospital.path("receivedAt").asText()).isEqualTo(BEDSIDE);
        assertThat(hospital.path("dueAt").asText()).isEqualTo("2026-12-08T23:59:59.999-06:00");
        assertThat(view.path("receivedAt").asText()).isEqualTo(ASKED);
        assertThat(view.path("classification").path("suggested").asText()).isEqualTo("GRIEVANCE");
        JsonNode from = view.path("links").get(0);
        assertThat(view.path("links")).hasSize(1);
        assertThat(from.path("direction").asText()).isEqualTo("FROM");
        assertThat(from.path("caseNumber").asText()).isEqualTo(bedside);
        assertThat(from.path("kind").asText()).isEqualTo("CONVERTED");
        assertThat(from.path("atRisk").asBoolean()).isTrue();
        assertThat(from.path("requestedAt").asText()).isEqualTo(ASKED);
        assertThat(from.path("by").asText()).isEqualTo(TestUsers.Role.PATIENT_RELATIONS.userId());
        assertThat(from.path("reason").asText()).isEqualTo("The patient phoned and asked for a written response.");

        JsonNode to = http.get(PATIENT_RELATIONS, "/api/grievances/" + bedside).body().path("links");
        assertThat(to).hasSize(1);
        assertThat(to.get(0).path("direction").asText()).isEqualTo("TO");
        assertThat(to.get(0).path("caseNumber").asText()).isEqualTo(number);

        // the person who converted it confirms the classification of the new case
        Task confirm = tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey("confirmClassification").singleResult();
        assertThat(confirm.getAssignee()).isEqualTo(TestUsers.Role.PATIENT_RELATIONS.userId());
    }

    @Test
    void bothTimelinesShowTheConversionAndTheNewCaseSaysItIsAtRisk() {
        String bedside = closedBedsideComplaint();
        clock.set(Instant.parse("2026-12-04T20:00:00Z"));
        String number = http.post(INTAKE, "/api/grievances/" + bedside + "/conversion", conversion(ASKED))
                .newCase().path("caseNumber").asText();

        JsonNode linkedFrom = event(number, "LINKED_FROM");
        assertThat(linkedFrom.path("actor").asText()).isEqualTo(INTAKE.userId());
        assertThat(linkedFrom.path("details").path("case").asText()).isEqualTo(bedside);
        assertThat(linkedFrom.path("details").path("link").asText()).isEqualTo("CONVERTED");
        assertThat(linkedFrom.path("details").path("atRisk").asBoolean()).isTrue();
        assertThat(linkedFrom.path("summary").asText()).endsWith("at risk (E2).");
        assertThat(linkedFrom.path("at").asText()).isEqualTo(ASKED);
        assertThat(event(number, "CLOCK_OPENED").path("details").path("detail").asText()).contains("AT RISK");

        JsonNode linkedTo = event(bedside, "LINKED_TO");
        assertThat(linkedTo.path("details").path("case").asText()).isEqualTo(number);
        assertThat(linkedTo.path("details").path("classification").asText()).isEqualTo("GRIEVANCE");
        assertThat(linkedTo.path("summary").asText()).isEqualTo(INTAKE.userId()
                + " converted the case into a grievance: the new case " + number + " is a GRIEVANCE.");
    }

    @Test
    void aConversionTheSameDayAsTheComplaintLeavesTheFullSevenDaysAndIsNotAtRisk() {
        String bedside = closedBedsideComplaint();
        clock.set(Instant.parse("2026-12-01T22:00:00Z"));
        JsonNode grievance = http.post(PATIENT_RELATIONS, "/api/grievances/" + bedside + "/conversion",
                conversion("2026-12-01T15:45:00-06:00")).newCase();
        assertThat(grievance.path("responseDueAt").asText()).isEqualTo("2026-12-08T23:59:59.999-06:00");
        assertThat(grievance.path("atRisk").asBoolean()).isFalse();
    }

    @Test
    void aBillingDisputeClosedAsNotAGrievanceBecomesAGrievanceWithTheSameRequesterAndContactOutsideTheEngine() {
        clock.set(Instant.parse("2026-12-01T16:30:00Z"));
        String billing = http.logCase("""
                {"channel":"PHONE","receivedAt":"%s","patientName":"Pat Testpatient","subject":"BILLING",
                 "complaintText":"I was charged twice for the parking.","serviceArea":"BILLING","preferredLanguage":"en",
                 "patientEmail":"zq-convert@example.org","memberId":"ZQCONVERTMEMBER",
                 "representative":{"name":"Dana Testdaughter","relationship":"daughter","authority":"ON_FILE",
                   "address":"2 Oak St, Springfield, IL 62701"}}""".formatted(BEDSIDE));
        staff.work(billing, "confirmClassification", INTAKE, Map.of("classification", "NOT_A_GRIEVANCE"));
        assertThat(cases.findByCaseNumber(billing).orElseThrow().closureReason()).isEqualTo("NOT_A_GRIEVANCE");
        clock.set(Instant.parse("2026-12-04T20:00:00Z"));

        JsonNode grievance = http.post(INTAKE, "/api/grievances/" + billing + "/conversion", conversion(ASKED)).newCase();

        String number = grievance.path("caseNumber").asText();
        assertThat(grievance.path("responseDueAt").asText()).isEqualTo("2026-12-08T23:59:59.999-06:00");
        assertThat(cases.requester(number)).isEqualTo(cases.requester(billing));
        assertThat(cases.requester(number).name()).isEqualTo("Dana Testdaughter");
        assertThat(cases.contact(number)).isEqualTo(cases.contact(billing));
        String pi = cases.findByCaseNumber(number).orElseThrow().processInstanceId();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableNameIn("patientEmail",
                "memberId", "representativeName", "representativeAddress", "filedBy").count()).isZero();
        assertThat(history.createHistoricDetailQuery().processInstanceId(pi).list().stream().map(Object::toString)
                .filter(d -> d.contains("zq-convert") || d.contains("ZQCONVERT") || d.contains("Testdaughter")))
                .isEmpty();
    }

    @Test
    void whatCannotBeConvertedIsRefusedAndLeavesNothingBehind() {
        String bedside = closedBedsideComplaint();
        clock.set(Instant.parse("2026-12-04T20:00:00Z"));
        long before = cases.count();
        List<String> refused = new ArrayList<>();

        RelinkHttp.Answer unknown = http.post(PATIENT_RELATIONS, "/api/grievances/GRV-2026-999999/conversion",
                conversion(ASKED));
        assertThat(unknown.status()).isEqualTo(404);
        refused.add(unknown.body().toString());

        RelinkHttp.Answer beforeReceipt = http.post(PATIENT_RELATIONS, "/api/grievances/" + bedside + "/conversion",
                conversion("2026-11-30T09:00:00-06:00"));
        assertThat(beforeReceipt.status()).isEqualTo(400);
        assertThat(beforeReceipt.body().path("errors").get(0).path("field").asText()).isEqualTo("requestedAt");
        refused.add(beforeReceipt.body().toString());

        RelinkHttp.Answer future = http.post(PATIENT_RELATIONS, "/api/grievances/" + bedside + "/conversion",
                conversion("2026-12-05T14:00:00-06:00"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().path("errors").get(0).path("field").asText()).isEqualTo("requestedAt");

        RelinkHttp.Answer noReason = http.post(PATIENT_RELATIONS, "/api/grievances/" + bedside + "/conversion",
                "{\"requestedAt\":\"" + ASKED + "\",\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body().path("errors").get(0).path("field").asText()).isEqualTo("reason");

        RelinkHttp.Answer auditor = http.post(AUDITOR, "/api/grievances/" + bedside + "/conversion", conversion(ASKED));
        assertThat(auditor.status()).isEqualTo(403);

        RelinkHttp.Answer reclassifyClosed = http.post(PATIENT_RELATIONS, "/api/grievances/" + bedside
                + "/reclassification", "{\"classification\":\"GRIEVANCE\",\"reason\":\"Patient wants a letter.\"}");
        assertThat(reclassifyClosed.status()).isEqualTo(409);
        assertThat(reclassifyClosed.body().path("rule").asText()).isEqualTo("E5");
        assertThat(cases.count()).isEqualTo(before);

        String grievance = http.post(PATIENT_RELATIONS, "/api/grievances/" + bedside + "/conversion", conversion(ASKED))
                .newCase().path("caseNumber").asText();
        RelinkHttp.Answer twice = http.post(PATIENT_RELATIONS, "/api/grievances/" + bedside + "/conversion",
                conversion(ASKED));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("rule").asText()).isEqualTo("E2(b)");
        RelinkHttp.Answer open = http.post(PATIENT_RELATIONS, "/api/grievances/" + grievance + "/conversion",
                conversion(ASKED));
        assertThat(open.status()).isEqualTo(409);
        assertThat(open.body().path("detail").asText()).contains("reclassify");
        assertThat(cases.count()).isEqualTo(before + 1);
        refused.add(twice.body().toString());
        // no refusal repeats what was sent
        assertThat(refused).noneMatch(r -> r.contains("GRV-2026-999999") || r.contains("2026-11-30")
                || r.contains("Exception"));
    }

    JsonNode event(String caseNumber, String kind) {
        for (JsonNode e : http.get(PATIENT_RELATIONS, "/api/grievances/" + caseNumber + "/timeline").body()
                .path("events")) {
            if (kind.equals(e.path("kind").asText())) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " event on " + caseNumber);
    }
}
