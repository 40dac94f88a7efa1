package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.CASE_MANAGER;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E4: case management's discharge-appeal task, over engine-rest as Tasklist works it. The deployed form is its
 * contract: the choice of what was done (five values) and a note; a completion with anything else, without the
 * choice, with a value outside it, too long or with control characters is refused; only case management sees it.
 */
@GrievanceAppTest
class DischargeAppealFormTests {

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

    String prematureDischargeGrievance() {
        GateHttp.Answer created = http.post(INTAKE, "/api/grievances", "{\"channel\":\"PHONE\",\"receivedAt\":"
                + "\"2026-12-10T09:15:00-06:00\",\"patientName\":\"" + Patients.unique() + "\",\"complaintText\":"
                + "\"They want me to go home today but I cannot walk yet.\",\"serviceArea\":\"PHYSICIAN\","
                + "\"responseRequested\":true,\"medicareBeneficiary\":true,\"prematureDischarge\":true}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String caseNumber = created.json().path("caseNumber").asText();
        tasks.complete(SecurityTasks.task(tasks, caseNumber, "confirmClassification").getId(),
                Map.of("classification", "GRIEVANCE"));
        return caseNumber;
    }

    @Test
    void theDischargeAppealTaskTakesExactlyItsFormAndOnlyCaseManagementWorksIt() {
        String caseNumber = prematureDischargeGrievance();
        Task t = probe.task(caseNumber, "informDischargeAppealRight");

        JsonNode form = http.get(CASE_MANAGER, "/engine-rest/task/" + t.getId() + "/deployed-form").json();
        assertThat(form.path("id").asText()).isEqualTo("discharge-appeal-rights");
        assertThat(editableKeys(form.path("components"), new ArrayList<>()))
                .containsExactly("dischargeAppealAction", "dischargeAppealNote");
        List<String> values = new ArrayList<>();
        for (JsonNode c : form.path("components")) {
            if ("dischargeAppealAction".equals(c.path("key").asText())) {
                c.path("values").forEach(v -> values.add(v.path("value").asText()));
                assertThat(c.path("validate").path("required").asBoolean()).isTrue();
            }
        }
        assertThat(values).containsExactly("INFORMED_OF_RIGHT", "QIO_REVIEW_REQUESTED", "PATIENT_DECLINED",
                "ALREADY_DISCHARGED", "NOT_MEDICARE");

        // other roles do not see it
        assertThat(http.get(PATIENT_RELATIONS, "/engine-rest/task/" + t.getId()).status()).isEqualTo(404);
        assertThat(http.get(INTAKE, "/engine-rest/task/" + t.getId()).status()).isEqualTo(404);

        probe.work(caseNumber, "informDischargeAppealRight", CASE_MANAGER, Map.of("dischargeAppealAction",
                "INFORMED_OF_RIGHT", "dischargeAppealNote", "Gave the IM notice again at 10:05 and the QIO's number."),
                "dischargeAppealAction", "dischargeAppealAction", "dischargeAppealNote");
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(t.getProcessInstanceId())
                .variableName("dischargeAppealAction").singleResult().getValue()).isEqualTo("INFORMED_OF_RIGHT");
    }

    /** The keys a person may write: every field with a key that is not read-only. */
    private static List<String> editableKeys(JsonNode components, List<String> into) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key") && !c.path("readonly").asBoolean(false)) {
                into.add(c.path("key").asText());
            }
            editableKeys(c.path("components"), into);
        }
        return into;
    }
}
