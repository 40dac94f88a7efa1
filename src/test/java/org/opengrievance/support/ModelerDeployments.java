package org.opengrievance.support;

import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * A deployment as Camunda Modeler's "Deploy" dialog sends it (camunda-modeler, DeploymentService / CamundaAPI):
 * a multipart POST to {@code /engine-rest/deployment/create} with the client's credentials.
 */
public final class ModelerDeployments {

    private ModelerDeployments() {
    }

    /** The parts of the dialog: name, changed-only, source, and one file. */
    public static MultiValueMap<String, Object> parts(String name, String fileName, String xml) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deploy-changed-only", "true");
        parts.add("deployment-source", "Camunda Modeler");
        HttpHeaders file = new HttpHeaders();
        file.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        parts.add(fileName, new HttpEntity<>(new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, file));
        return parts;
    }

    /** Deploys with that client; the answer's status. */
    public static int deploy(RestClient client, String name, String fileName, String xml) {
        return client.post().uri("/engine-rest/deployment/create").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts(name, fileName, xml)).exchange((req, res) -> res.getStatusCode().value());
    }

    /** Removes every deployment of that name (after each test: the context outlives it). */
    public static void removeAll(RepositoryService repository, String name) {
        for (Deployment d : repository.createDeploymentQuery().deploymentName(name).list()) {
            repository.deleteDeployment(d.getId(), true);
        }
    }
}
