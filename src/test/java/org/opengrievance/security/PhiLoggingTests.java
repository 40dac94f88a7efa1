package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.security.SecurityTestSupport.Answer;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A case with an unmistakable patient name and complaint runs its whole life, including the errors staff
 * make on the way and a database error that quotes the value it refused; the application's log output never
 * holds the name or the complaint.
 */
@GrievanceAppTest
@ExtendWith(OutputCaptureExtension.class)
class PhiLoggingTests {

    static final String PATIENT = "Zebediah Quillfeather";
    static final String COMPLAINT = "The xylophone cart blocked the corridor of ward 7 all night";

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired GrievanceCaseRepository cases;

    void as(Role role, Runnable work) {
        identity.setAuthentication(role.userId(), role.groups());
        try {
            work.run();
        } finally {
            identity.clearAuthentication();
        }
    }

    Task task(String caseNumber, String key) {
        return SecurityTestSupport.task(tasks, caseNumber, key);
    }

    void complete(Role role, String caseNumber, String key, Map<String, Object> variables) {
        Task task = task(caseNumber, key);
        assertThat(task).as(key).isNotNull();
        as(role, () -> {
            tasks.claim(task.getId(), role.userId());
            tasks.complete(task.getId(), variables);
        });
    }

    @Test
    void patientNameAndComplaintNeverReachTheLog(CapturedOutput output) {
        SecurityTestSupport http = new SecurityTestSupport(users);
        users.ensureCreated();

        // mistakes at intake: the name where a date belongs, a control character, an over-long text
        String misplaced = SecurityTestSupport.intake("DIETARY", PATIENT, COMPLAINT).replace(
                "\"2026-12-04T16:30:00-06:00\"", "\"" + PATIENT + "\"");
        Answer wrongDate = http.post(Role.INTAKE, "/api/grievances", misplaced);
        assertThat(wrongDate.status()).isEqualTo(400);
        assertThat(wrongDate.body()).doesNotContain(PATIENT);
        assertThat(http.post(Role.INTAKE, "/api/grievances",
                SecurityTestSupport.intake("DIETARY", PATIENT + "\u0007", COMPLAINT)).status()).isEqualTo(400);
        assertThat(http.post(Role.INTAKE, "/api/grievances", SecurityTestSupport.intake("DIETARY", PATIENT,
                COMPLAINT + " " + "x".repeat(5000))).status()).isEqualTo(400);

        Answer created = http.post(Role.INTAKE, "/api/grievances", SecurityTestSupport.intake("DIETARY", PATIENT, COMPLAINT));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String caseNumber = created.json().get("caseNumber").asText();

        complete(Role.INTAKE, caseNumber, "confirmClassification", Map.of("classification", "GRIEVANCE"));
        // acknowledged by phone (no letter), then the routed department investigates, in the patient's words
        complete(Role.PATIENT_RELATIONS, caseNumber, "acknowledgeReceipt", Map.of("acknowledgedVia", "PHONE"));
        Task gather = task(caseNumber, "gatherFindings");
        assertThat(gather).as("investigation task").isNotNull();
        tasks.complete(gather.getId(), Map.of("findings", PATIENT + " was right: " + COMPLAINT,
                "stepsTaken", "Moved the cart for " + PATIENT + "."));
        tasks.complete(task(caseNumber, "codeIssue").getId(),
                Map.of("hcatCategory", "ENVIRONMENT", "hcatSeverity", "1", "harmLevel", "0"));

        // mistakes on the case's next open task, whichever the model has there now
        Task open = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list().get(0);
        // a value the database refuses (longer than the engine's text column): its error quotes the value
        assertThatThrownBy(() -> tasks.setVariable(open.getId(), "closureEffortsNote",
                PATIENT + ": " + COMPLAINT + " " + "y".repeat(4100))).isInstanceOf(ProcessEngineException.class);
        // a value no serializer takes, whose description names the patient
        assertThatThrownBy(() -> tasks.setVariable(open.getId(), "note", new Object() {
            @Override
            public String toString() {
                return PATIENT + " / " + COMPLAINT;
            }
        })).isInstanceOf(ProcessEngineException.class);
        // through engine-rest: a refused operation is logged by the engine and by the REST layer
        // (as the administrator: for everybody else the engine API gate refuses these before the engine)
        Answer refusedDelete = http.call(Role.ADMIN, org.springframework.http.HttpMethod.DELETE,
                "/engine-rest/task/" + open.getId(), null);
        assertThat(refusedDelete.status()).as(refusedDelete.body()).isEqualTo(500);
        Answer tooLong = http.call(Role.ADMIN, org.springframework.http.HttpMethod.PUT,
                "/engine-rest/task/" + open.getId() + "/variables/note",
                "{\"type\":\"String\",\"value\":\"" + PATIENT + ": " + COMPLAINT + " " + "z".repeat(4100) + "\"}");
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body()).doesNotContain(PATIENT);
        assertThat(tasks.createTaskQuery().taskId(open.getId()).count()).isEqualTo(1);

        // the failures above were logged for real (by the engine and by engine-rest), with the messages withheld:
        // the check below is not satisfied by the hand-made lines that follow alone
        assertThat(output.getAll()).as("the real failures were logged").contains("ENGINE-16004")
                .contains("ENGINE-REST-HTTP500").contains("ENGINE-03004").contains("SQLState 22001")
                .contains("message withheld");

        // and exactly as Camunda's loggers hand values to SLF4J: as an argument with the exception, and as a
        // stack trace printed into the message (engine-rest's ENGINE-REST-HTTP500)
        ProcessEngineException withValue = new ProcessEngineException("ENGINE-03004 Exception while executing "
                + "Database Operation 'INSERT VariableInstanceEntity[textValue=" + PATIENT + "]'",
                new java.sql.SQLException("Value too long for column: \"'" + COMPLAINT + "' (4100)\"", "22001"));
        LoggerFactory.getLogger("org.camunda.bpm.engine.context").error(
                "ENGINE-16004 Exception while closing command context: {}", withValue.getMessage(), withValue);
        java.io.StringWriter trace = new java.io.StringWriter();
        withValue.printStackTrace(new java.io.PrintWriter(trace));
        LoggerFactory.getLogger("org.camunda.bpm.engine.rest.exception").warn("ENGINE-REST-HTTP500 " + trace);

        // closure: the patient withdraws (through the API, as patient relations), in words that name them
        Answer withdrawn = http.post(Role.PATIENT_RELATIONS, "/api/grievances/" + caseNumber + "/withdrawal",
                "{\"note\":\"" + PATIENT + " phoned: " + COMPLAINT + " is settled.\"}");
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().status()).isEqualTo("CLOSED");

        String log = output.getAll();
        assertThat(log).as("the failures were logged").contains("ENGINE-16004").contains("ENGINE-REST-HTTP500")
                .contains("ProcessEngineException").contains("ENGINE-03004").contains("SQLState 22001")
                .contains("message withheld");
        for (String secret : List.of(PATIENT, "Zebediah", "Quillfeather", COMPLAINT, "xylophone")) {
            assertThat(log).as("log output").doesNotContain(secret);
        }
    }
}
