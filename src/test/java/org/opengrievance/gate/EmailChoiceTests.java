package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Email is a possible choice only with an address on file: the acknowledgement form offers it then only
 * ({@code EmailOptionFormTests}), and over engine-rest a completion choosing it without an address is refused
 * with a plain sentence; the choice without Email ({@code acknowledgedViaNoEmail}) is what the model follows.
 * The cases here are logged without an email address.
 */
@GrievanceAppTest
class EmailChoiceTests {

    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired HistoryService history;
    GateHttp http;
    TaskFormProbe probe;

    @BeforeEach
    void setUp() {
        http = new GateHttp(users);
        probe = new TaskFormProbe(http, tasks, history);
    }

    private GateHttp.Answer acknowledge(String caseNumber, Map<String, Object> variables) {
        Task task = probe.task(caseNumber, "acknowledgeReceipt");
        Map<String, Object> wrapped = new java.util.LinkedHashMap<>();
        variables.forEach((k, v) -> wrapped.put(k, Map.of("value", v)));
        return http.post(PATIENT_RELATIONS, "/engine-rest/task/" + task.getId() + "/complete",
                GateHttp.json(Map.of("variables", wrapped)));
    }

    private String confirmedCase() {
        String caseNumber = http.logCase("NURSING");
        probe.complete(caseNumber, "confirmClassification", INTAKE, Map.of("classification", "GRIEVANCE"));
        return caseNumber;
    }

    @Test
    void emailWithoutAnAddressOnFileIsRefusedWithAPlainSentence() {
        String caseNumber = confirmedCase();
        GateHttp.Answer a = acknowledge(caseNumber, Map.of("acknowledgedVia", "EMAIL"));
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.json().path("errors").get(0).path("field").asText()).isEqualTo("acknowledgedVia");
        assertThat(a.detail()).isEqualTo("There is no email address on file for this patient: send the letter by mail.");
        assertThat(probe.task(caseNumber, "acknowledgeReceipt")).as("still open").isNotNull();
    }

    @Test
    void theChoiceWithoutEmailIsTheAcknowledgementTheModelFollows() {
        String caseNumber = confirmedCase();
        GateHttp.Answer none = acknowledge(caseNumber, Map.of("acknowledgementNote", "Sent a letter."));
        assertThat(none.status()).as(none.body()).isEqualTo(400);
        assertThat(none.detail()).isEqualTo("Choose how receipt was acknowledged.");

        GateHttp.Answer email = acknowledge(caseNumber, Map.of("acknowledgedViaNoEmail", "EMAIL"));
        assertThat(email.status()).as("Email is not an option of the twin: " + email.body()).isEqualTo(400);

        String processInstance = probe.task(caseNumber, "acknowledgeReceipt").getProcessInstanceId();
        GateHttp.Answer letter = acknowledge(caseNumber, Map.of("acknowledgedViaNoEmail", "LETTER"));
        assertThat(letter.status()).as(letter.body()).isEqualTo(204);
        assertThat(probe.task(caseNumber, "printAndMailLetter")).as("the letter waits in the print queue").isNotNull();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(processInstance)
                .variableName("acknowledgedVia").singleResult().getValue()).isEqualTo("LETTER");
    }
}
