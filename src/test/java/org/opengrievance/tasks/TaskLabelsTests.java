package org.opengrievance.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers.Role;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff read words, not codes: no form shows a code field read-only, and the task carries the words for it
 * (Tasklist loads them with the form): "Grievance", not GRIEVANCE; "English", not en; "Nursing", not nursing.
 */
@GrievanceAppTest
class TaskLabelsTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestUsers users;
    @Autowired TaskService tasks;

    @Test
    void noFormShowsACodeWhereStaffLook() throws Exception {
        List<String> shownCodes = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("processes", "forms"))) {
            for (Path form : forms.toList()) {
                collect(JSON.readTree(form.toFile()).path("components"), form.getFileName().toString(), shownCodes);
            }
        }
        assertThat(shownCodes).isEmpty();
    }

    private static void collect(JsonNode components, String form, List<String> into) {
        for (JsonNode c : components) {
            if (c.path("readonly").asBoolean(false) && Labels.LABELLED.containsKey(c.path("key").asText())) {
                into.add(form + ": " + c.path("key").asText());
            }
            collect(c.path("components"), form, into);
        }
    }

    @Test
    void aTaskCarriesTheWordsForItsCodes() {
        String created = users.as(Role.INTAKE).post().uri("/api/grievances")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("{\"channel\":\"LETTER\",\"receivedAt\":\"2026-12-09T10:00:00-06:00\",\"patientName\":\"" + Patients.unique() + "\","
                        + "\"complaintText\":\"The call bell went unanswered.\",\"serviceArea\":\"NURSING\","
                        + "\"preferredLanguage\":\"es\"}")
                .retrieve().body(String.class);
        String caseNumber = read(created).path("caseNumber").asText();
        Task confirm = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("confirmClassification").singleResult();
        JsonNode shown = read(users.as(Role.INTAKE).get().uri("/engine-rest/task/" + confirm.getId() + "/form-variables")
                .retrieve().body(String.class));
        assertThat(shown.path("suggestedClassificationLabel").path("value").asText()).isEqualTo("Grievance");

        tasks.complete(confirm.getId(), java.util.Map.of("classification", "GRIEVANCE"));
        Task acknowledge = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("acknowledgeReceipt").singleResult();
        assertThat(tasks.getVariable(acknowledge.getId(), "preferredLanguageLabel")).isEqualTo("Spanish");
        tasks.complete(acknowledge.getId(), java.util.Map.of("acknowledgedVia", "PHONE"));
        Task gather = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("gatherFindings").singleResult();
        assertThat(tasks.getVariable(gather.getId(), "departmentLabel")).isEqualTo("Nursing");
    }

    @Test
    void theHcatCategoriesHaveTheWordsOfTheCodeIssueForm() throws Exception {
        JsonNode form = JSON.readTree(Path.of("processes", "forms", "code-issue.form").toFile());
        List<String> options = new ArrayList<>();
        for (JsonNode c : form.path("components")) {
            if ("hcatCategory".equals(c.path("key").asText())) {
                c.path("values").forEach(v -> options.add(v.path("value").asText() + "=" + v.path("label").asText()));
            }
        }
        assertThat(options).hasSize(7);
        for (String option : options) {
            String[] codeAndWords = option.split("=", 2);
            assertThat(Labels.of(codeAndWords[0])).as(codeAndWords[0]).isEqualTo(codeAndWords[1]);
        }
    }

    @Test
    void anUnknownCodeIsShownAsWords() {
        assertThat(Labels.of("SOME_NEW_CODE")).isEqualTo("Some new code");
        assertThat(Labels.of("MEDICARE_ADVANTAGE")).isEqualTo("Medicare Advantage");
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
