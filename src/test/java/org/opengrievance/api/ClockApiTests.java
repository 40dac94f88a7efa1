package org.opengrievance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Clocks over HTTP, on H2 and (in CI) PostgreSQL: cases under each regime read back their due instants;
 * clock events the rules forbid are refused with a problem naming the rule, and change nothing.
 */
@GrievanceAppTest
class ClockApiTests {

    @LocalServerPort int port;
    @Autowired GrievanceCaseRepository cases;
    @Autowired TaskService tasks;
    final ObjectMapper json = new ObjectMapper();
    RestClient http;

    record Answer(int status, JsonNode body) {
    }

    @BeforeEach
    void client() {
        http = ApiClients.staff(port);
    }

    Answer post(String path, String body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), read(res.getBody().readAllBytes())));
    }

    Answer get(String path) {
        return http.get().uri(path)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), read(res.getBody().readAllBytes())));
    }

    JsonNode read(byte[] body) throws java.io.IOException {
        return body.length == 0 ? null : json.readTree(body);
    }

    static String intake(String regimes, String extra) {
        return """
                {"channel":"LETTER","receivedAt":"2026-12-04T16:30:00-06:00","patientName":"%s",
                 "complaintText":"My claim was handled badly.","serviceArea":"BILLING","regimes":%s%s}
                """.formatted(Patients.unique(), regimes, extra);
    }

    JsonNode clock(JsonNode view, String regime) {
        for (JsonNode d : view.get("deadlines")) {
            if (d.get("regime").asText().equals(regime)) {
                return d;
            }
        }
        throw new AssertionError("no " + regime + " clock in " + view);
    }

    String create(String body) {
        Answer created = post("/api/grievances", body);
        assertThat(created.status()).as(String.valueOf(created.body())).isEqualTo(201);
        return created.body().get("caseNumber").asText();
    }

    @Test
    void eachRegimeAnswersItsOwnDueInstantInItsOwnersZone() {
        String hospitalAndPlans = create(intake("[\"HOSPITAL_COP\",\"MEDICARE_ADVANTAGE\",\"PART_D\",\"MEDICAID\",\"CHIP\"]", ""));
        JsonNode view = get("/api/grievances/" + hospitalAndPlans).body();
        assertThat(clock(view, "HOSPITAL_COP").get("dueAt").asText()).isEqualTo("2026-12-11T23:59:59.999-06:00");
        assertThat(clock(view, "MEDICARE_ADVANTAGE").get("dueAt").asText()).isEqualTo("2027-01-03T23:59:59.999-06:00");
        assertThat(clock(view, "PART_D").get("dueAt").asText()).isEqualTo("2027-01-03T23:59:59.999-06:00");
        assertThat(clock(view, "MEDICAID").get("dueAt").asText()).isEqualTo("2027-03-04T23:59:59.999-06:00");
        assertThat(clock(view, "CHIP").get("dueAt").asText()).isEqualTo("2027-03-04T23:59:59.999-06:00");
        assertThat(clock(view, "HOSPITAL_COP").get("followUpDueAt").asText()).isEqualTo("2027-01-03T23:59:59.999-06:00");
        assertThat(clock(view, "MEDICARE_ADVANTAGE").get("owner").asText()).isNotEqualTo(
                clock(view, "HOSPITAL_COP").get("owner").asText());
        // each regime's own rule, the citation of its standard row in deadline-policy.dmn
        assertThat(clock(view, "HOSPITAL_COP").get("rule").asText()).isEqualTo("42 CFR 482.13(a)(2)(ii), SOM A-0122 (CMS-HOSP-6/7)");
        assertThat(clock(view, "MEDICARE_ADVANTAGE").get("rule").asText()).isEqualTo("42 CFR 422.564(e) (MA-3, MA-4)");
        assertThat(clock(view, "PART_D").get("rule").asText()).isEqualTo("42 CFR 423.564(e) (PD-1)");
        assertThat(clock(view, "MEDICAID").get("rule").asText()).isEqualTo("42 CFR 438.408(b)(1), (c) (MCD-5, MCD-6)");
        assertThat(clock(view, "CHIP").get("rule").asText()).isEqualTo("42 CFR 457.1260 (CHIP-1)");
        assertThat(view.get("deadlines")).hasSize(5);
        for (JsonNode d : view.get("deadlines")) {
            assertThat(d.get("late").asBoolean()).isFalse();
            assertThat(d.get("zone").asText()).isEqualTo("America/Chicago");
            assertThat(d.get("policySource").asText()).startsWith("DeadlinePolicy:");
        }
    }

    @Test
    void planClockStartsWhenThePlanReceivesTheGrievance() {
        String n = create(intake("[\"HOSPITAL_COP\",\"MEDICARE_ADVANTAGE\"]",
                ",\"planReceivedAt\":\"2026-12-08T09:00:00-06:00\""));
        JsonNode view = get("/api/grievances/" + n).body();
        assertThat(clock(view, "HOSPITAL_COP").get("dueAt").asText()).isEqualTo("2026-12-11T23:59:59.999-06:00");
        assertThat(clock(view, "MEDICARE_ADVANTAGE").get("dueAt").asText()).isEqualTo("2027-01-07T23:59:59.999-06:00");
    }

    @Test
    void expeditedAtIntakeRunsTwentyFourHoursOnTheInstantTimeline() {
        String n = create(intake("[\"MEDICARE_ADVANTAGE\"]", ",\"expediteTrigger\":\"MA_REFUSED_EXPEDITED_DETERMINATION\""));
        JsonNode ma = clock(get("/api/grievances/" + n).body(), "MEDICARE_ADVANTAGE");
        assertThat(ma.get("kind").asText()).isEqualTo("EXPEDITED");
        assertThat(ma.get("dueAt").asText()).isEqualTo("2026-12-05T16:30:00-06:00");
        // the test clock stands at 2026-12-10: an expedited clock from 12-04 is already late
        assertThat(ma.get("late").asBoolean()).isTrue();
    }

    @Test
    void extensionMovesTheDeadlineAndTheTasks() {
        String n = create(intake("[\"MEDICAID\"]", ""));
        Answer extended = post("/api/grievances/" + n + "/clocks/MEDICAID/extension", """
                {"requestedBy":"PLAN","days":14,"reason":"Awaiting provider records",
                 "informationNeeded":"Provider records","enrolleeInterest":"A complete review"}""");
        assertThat(extended.status()).as(String.valueOf(extended.body())).isEqualTo(200);
        JsonNode medicaid = clock(extended.body(), "MEDICAID");
        // 2027-03-18 is after the change to daylight time: end of day in Chicago is -05:00
        assertThat(medicaid.get("dueAt").asText()).isEqualTo("2027-03-18T23:59:59.999-05:00");
        assertThat(medicaid.get("extension").get("noticeDueAt").asText()).isEqualTo("2026-12-12T23:59:59.999-06:00");
        assertThat(extended.body().get("tasks").get(0).get("due").asText()).isEqualTo("2027-03-18T23:59:59.999-05:00");
    }

    @Test
    void forbiddenClockEventsAreProblemsNamingTheRuleAndChangeNothing() {
        String n = create(intake("[\"HOSPITAL_COP\",\"MEDICARE_ADVANTAGE\"]", ""));
        String before = get("/api/grievances/" + n).body().get("deadlines").toString();

        Answer tooLong = post("/api/grievances/" + n + "/clocks/MEDICARE_ADVANTAGE/extension",
                "{\"requestedBy\":\"ENROLLEE\",\"days\":15,\"reason\":\"more time\"}");
        assertThat(tooLong.status()).isEqualTo(409);
        assertThat(tooLong.body().get("rule").asText()).contains("422.564");

        Answer hospitalExtension = post("/api/grievances/" + n + "/clocks/HOSPITAL_COP/extension",
                "{\"requestedBy\":\"ENROLLEE\",\"days\":3,\"reason\":\"more time\"}");
        assertThat(hospitalExtension.status()).isEqualTo(409);
        assertThat(hospitalExtension.body().get("rule").asText()).contains("482.13");

        Answer hospitalExpedite = post("/api/grievances/" + n + "/clocks/HOSPITAL_COP/expedite",
                "{\"trigger\":\"MA_REFUSED_EXPEDITED_DETERMINATION\"}");
        assertThat(hospitalExpedite.status()).isEqualTo(409);
        assertThat(hospitalExpedite.body().get("detail").asText()).contains("no expedited");

        Answer unknownRegime = post("/api/grievances/" + n + "/clocks/STATE_PRISON/extension",
                "{\"requestedBy\":\"ENROLLEE\",\"days\":3,\"reason\":\"r\"}");
        assertThat(unknownRegime.status()).isEqualTo(400);

        Answer unknownTrigger = post("/api/grievances/" + n + "/clocks/MEDICARE_ADVANTAGE/expedite",
                "{\"trigger\":\"BECAUSE_I_SAY_SO\"}");
        assertThat(unknownTrigger.status()).isEqualTo(400);

        assertThat(get("/api/grievances/" + n).body().get("deadlines").toString()).isEqualTo(before);
    }

    @Test
    void extensionAfterTheDeadlineIsRefused() {
        // received 2026-11-01: the hospital-owned MA clock... an MA clock from 11-01 ends 12-01, before the test clock
        String n = create(intake("[\"MEDICARE_ADVANTAGE\"]", "").replace("2026-12-04T16:30:00-06:00", "2026-11-01T10:00:00-05:00"));
        Answer late = post("/api/grievances/" + n + "/clocks/MEDICARE_ADVANTAGE/extension",
                "{\"requestedBy\":\"ENROLLEE\",\"days\":14,\"reason\":\"more time\"}");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body().get("detail").asText()).contains("before the deadline");
        assertThat(late.body().get("rule").asText()).contains("422.564");
    }

    @Test
    void unknownRegimeAtIntakeIsABadRequestAndStoresNothing() {
        long before = cases.count();
        Answer answer = post("/api/grievances", intake("[\"STATE_PRISON\"]", ""));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("errors").toString()).contains("regimes");
        Answer wrongTrigger = post("/api/grievances", intake("[\"HOSPITAL_COP\"]",
                ",\"expediteTrigger\":\"MA_REFUSED_EXPEDITED_DETERMINATION\""));
        assertThat(wrongTrigger.status()).isEqualTo(409);
        assertThat(cases.count()).isEqualTo(before);
    }
}
