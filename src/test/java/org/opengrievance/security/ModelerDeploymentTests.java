package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.ModelerDeployments;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A deployment as Camunda Modeler's "Deploy" dialog sends it: multipart POST to
 * {@code /engine-rest/deployment/create} with HTTP Basic. Directors may deploy, intake staff may not.
 */
@GrievanceAppTest
class ModelerDeploymentTests {

    static final String NAME = "security-modeler-check";
    static final String FILE = "security-modeler-check.bpmn";
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
        ModelerDeployments.removeAll(repository, NAME);
    }

    int deployAs(Role role) {
        return ModelerDeployments.deploy(users.as(role), NAME, FILE, BPMN);
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
        int status = ModelerDeployments.deploy(users.anonymous(), NAME, FILE, BPMN);
        assertThat(status).isEqualTo(401);
        assertThat(repository.createDeploymentQuery().deploymentName(NAME).count()).isZero();
    }
}
