package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A deployment as Camunda Modeler's "Deploy" dialog sends it: multipart POST to
 * {@code /engine-rest/deployment/create} with HTTP Basic. Directors may deploy, intake staff may not.
 */
@GrievanceAppTest
class ModelerDeploymentTests {

    static final String NAME = "security-modeler-check";
    static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="securityModelerCheckDefinitions"
                targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="securityModelerCheck" name="Security modeler check" isExecutable="true"
                  camunda:historyTimeToLive="1">
                <bpmn:startEvent id="start" />
                <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="end" />
                <bpmn:endEvent id="end" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Autowired TestUsers users;
    @Autowired RepositoryService repository;

    @AfterEach
    void removeDeployments() {
        for (Deployment d : repository.createDeploymentQuery().deploymentName(NAME).list()) {
            repository.deleteDeployment(d.getId(), true);
        }
    }

    /** The parts Modeler's deploy dialog sends (camunda-modeler, DeploymentService / CamundaAPI). */
    static MultiValueMap<String, Object> modelerParts() {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", NAME);
        parts.add("deploy-changed-only", "true");
        parts.add("deployment-source", "Camunda Modeler");
        HttpHeaders file = new HttpHeaders();
        file.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        parts.add("security-modeler-check.bpmn", new HttpEntity<>(new ByteArrayResource(
                BPMN.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "security-modeler-check.bpmn";
            }
        }, file));
        return parts;
    }

    int deployAs(Role role) {
        return users.as(role).post().uri("/engine-rest/deployment/create")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(modelerParts())
                .exchange((req, res) -> res.getStatusCode().value());
    }

    @Test
    void directorDeploysFromModeler() {
        assertThat(deployAs(Role.DIRECTOR)).isEqualTo(200);
        Deployment deployment = repository.createDeploymentQuery().deploymentName(NAME).singleResult();
        assertThat(deployment.getSource()).isEqualTo("Camunda Modeler");
        assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
                .processDefinitionKey("securityModelerCheck").count()).isEqualTo(1);
    }

    @Test
    void intakeStaffCannotDeploy() {
        assertThat(deployAs(Role.INTAKE)).isEqualTo(403);
        assertThat(deployAs(Role.AUDITOR)).isEqualTo(403);
        assertThat(deployAs(Role.PATIENT_RELATIONS)).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().deploymentName(NAME).count()).isZero();
    }

    @Test
    void nobodyDeploysWithoutCredentials() {
        int status = users.anonymous().post().uri("/engine-rest/deployment/create")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(modelerParts())
                .exchange((req, res) -> res.getStatusCode().value());
        assertThat(status).isEqualTo(401);
        assertThat(repository.createDeploymentQuery().deploymentName(NAME).count()).isZero();
    }
}
