package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.ADMIN;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Every error of engine-rest and of the webapps' engine API says what is wrong and nothing else: a problem
 * with a plain sentence, no SQL, table or column names, Java class names, engine codes or submitted values;
 * a refusal by a listener or a start check is a 400 or 409, never a 500.
 */
@GrievanceAppTest
class EngineErrorSweepTests {

    static final String MARKER = "Zq-MARKER-Value";
    static final List<String> NEVER = List.of(MARKER, "ENGINE-", "Exception", "org.camunda", "java.", "SQL", "ACT_",
            "select ", "insert ", "update ", "TEXT_", "constraint");

    @Autowired TestUsers users;
    @Autowired TaskService tasks;

    record Case(String name, GateHttp.Answer answer, int status) {
    }

    @Test
    void engineErrorsAreProblemsWithoutInternals() {
        GateHttp http = new GateHttp(users);
        String caseNumber = http.logCase("NURSING");
        Task confirm = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("confirmClassification").singleResult();
        String complete = "/engine-rest/task/" + confirm.getId() + "/complete";

        List<Case> cases = List.of(
                new Case("an override the rules forbid (a listener's rule)", http.post(INTAKE, complete,
                        "{\"variables\":{\"classification\":{\"value\":\"COMPLAINT\"}}}"), 409),
                new Case("the same through the administrator's unchecked door", http.post(ADMIN, complete,
                        "{\"variables\":{\"classification\":{\"value\":\"COMPLAINT\"}}}"), 409),
                new Case("a start the intake check refuses", http.post(ADMIN,
                        "/engine-rest/process-definition/key/grievance/start", GateHttp.json(Map.of("variables", Map.of(
                                "channel", Map.of("value", "LETTER"), "receivedAt", Map.of("value", MARKER),
                                "patientName", Map.of("value", "Pat"), "complaintText", Map.of("value", "Cold."),
                                "serviceArea", Map.of("value", "NURSING"))))), 400),
                new Case("a value longer than the engine's column", http.call(ADMIN, HttpMethod.PUT,
                        "/engine-rest/task/" + confirm.getId() + "/variables/note",
                        "{\"type\":\"String\",\"value\":\"" + MARKER + "y".repeat(4100) + "\"}"), 400),
                new Case("an unknown task", http.get(PATIENT_RELATIONS, "/engine-rest/task/" + MARKER), 404),
                new Case("an unknown variable", http.get(ADMIN, "/engine-rest/task/" + confirm.getId()
                        + "/variables/" + MARKER), 404),
                new Case("a query with a wrong parameter", http.get(PATIENT_RELATIONS, "/engine-rest/task?dueAfter="
                        + MARKER), 400),
                new Case("a body that is not JSON", http.post(PATIENT_RELATIONS, "/engine-rest/task", "{\"" + MARKER),
                        400),
                new Case("a write the role may not make", http.call(PATIENT_RELATIONS, HttpMethod.DELETE,
                        "/engine-rest/task/" + confirm.getId(), null), 403),
                // patient relations may not read intake's task (they read their own groups' tasks only), so for
                // them it does not exist
                new Case("a task of another role", http.post(PATIENT_RELATIONS, complete, "{}"), 404));

        for (Case c : cases) {
            assertThat(c.answer().status()).as(c.name() + ": " + c.answer().body()).isEqualTo(c.status());
            assertThat(c.answer().contentType()).as(c.name()).startsWith("application/problem+json");
            assertThat(c.answer().detail()).as(c.name()).isNotBlank();
            for (String never : NEVER) {
                assertThat(c.answer().body()).as(c.name()).doesNotContainIgnoringCase(never);
                assertThat(c.answer().headers().toString()).as(c.name()).doesNotContain(MARKER);
            }
        }
        assertThat(cases.get(0).answer().detail()).contains("A written complaint is always a grievance");
    }

    @Test
    void theWebappsEngineApiAnswersTheSameWay() {
        WebappSession tasklist = users.webapp();
        assertThat(tasklist.logIn(INTAKE, "tasklist")).isEqualTo(200);
        HttpResponse<String> missing = tasklist.get("/camunda/api/engine/engine/default/task/" + MARKER);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        for (String never : NEVER) {
            assertThat(missing.body()).doesNotContainIgnoringCase(never);
        }
    }
}
