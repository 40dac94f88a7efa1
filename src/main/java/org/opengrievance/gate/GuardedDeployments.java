package org.opengrievance.gate;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.opengrievance.deployment.DeploymentGuard;
import org.opengrievance.deployment.DeploymentViolation;

/**
 * Camunda Modeler's deployment (multipart: one part per model file, plus the deployment's name and options)
 * read before the engine sees it, and handed to the {@link DeploymentGuard}: a model that would run code
 * beyond the allowlisted beans, or drops an id the code depends on, is refused with a 400 naming each element.
 * The multipart text is parsed with Jakarta Mail's MIME parser, already here for the letters' email.
 */
final class GuardedDeployments implements DeploymentCheck {

    private final DeploymentGuard guard;

    GuardedDeployments(DeploymentGuard guard) {
        this.guard = guard;
    }

    @Override
    public byte[] check(String contentType, byte[] body) throws SubmissionRefused {
        if (contentType == null || !contentType.toLowerCase().startsWith("multipart/form-data")) {
            throw new SubmissionRefused(415, null, "Deploy models as multipart/form-data, as Camunda Modeler does.");
        }
        Map<String, byte[]> resources = new LinkedHashMap<>();
        try {
            MimeMultipart parts = new MimeMultipart(new ByteArrayDataSource(body, contentType));
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.getFileName() != null) {
                    resources.put(part.getFileName(), part.getInputStream().readAllBytes());
                }
            }
        } catch (MessagingException | IOException e) {
            throw SubmissionRefused.field(null, "The deployment cannot be read as multipart/form-data.");
        }
        List<DeploymentViolation> violations = guard.check(resources);
        if (!violations.isEmpty()) {
            DeploymentViolation first = violations.get(0);
            throw SubmissionRefused.field(first.elementId(), "The deployment is refused: " + violations.stream()
                    .map(v -> v.resource() + (v.elementId() == null ? "" : ", element " + v.elementId()) + ": "
                            + v.reason())
                    .collect(Collectors.joining("; ")));
        }
        return body;
    }
}
