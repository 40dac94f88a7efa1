package org.opengrievance.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.ModelerDeployments;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Camunda Modeler's deploy dialog as a director (multipart POST to {@code /engine-rest/deployment/create}):
 * the probe's deployments and a lost contract id answer 400 naming the element, and nothing is deployed;
 * a harmless form change deploys. The 400s need the HTTP gate that calls {@link DeploymentGuard}.
 */
@GrievanceAppTest
class DeploymentGateHttpTests {

    static final String NAME = "deployment-gate-check";

    record Answer(int status, String body) {
    }

    @Autowired TestUsers users;
    @Autowired RepositoryService repository;

    @AfterEach
    void removeDeployments() {
        for (Deployment d : repository.createDeploymentQuery().deploymentName(NAME).list()) {
            repository.deleteDeployment(d.getId(), true);
        }
    }

    Answer deployAsDirector(String fileName, String content) {
        return users.as(Role.DIRECTOR).post().uri("/engine-rest/deployment/create")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(ModelerDeployments.parts(NAME, fileName, content))
                .exchange((req, res) -> new Answer(res.getStatusCode().value(),
                        new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    void assertRefusedNaming(String fileName, String content, String elementId) {
        long before = repository.createDeploymentQuery().count();
        Answer answer = deployAsDirector(fileName, content);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains(elementId);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void readingPasswordsThroughJdbcTemplateIsRefused() {
        assertRefusedNaming("probe.bpmn", Probes.READ_PASSWORDS, "readPasswords");
    }

    @Test
    void grantingOneselfAdministrationIsRefused() {
        assertRefusedNaming("probe.bpmn", Probes.BECOME_ADMIN, "becomeAdmin");
    }

    @Test
    void aGrievanceModelWithoutAContractIdIsRefused() {
        String grievance = ShippedModels.text("grievance.bpmn").replace("\"confirmClassification\"", "\"checkClassification\"")
                .replace(">confirmClassification<", ">checkClassification<");
        assertRefusedNaming("grievance.bpmn", grievance, "confirmClassification");
    }

    @Test
    void aLabelChangeInAFormDeploys() {
        long before = repository.createDeploymentQuery().count();
        String form = ShippedModels.text("forms/close-grievance.form")
                .replace("\"label\": \"Closure reason\"", "\"label\": \"Why the case closes\"");
        assertThat(deployAsDirector("close-grievance.form", form).status()).isEqualTo(200);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(before + 1);
    }
}
