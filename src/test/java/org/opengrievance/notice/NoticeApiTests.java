package org.opengrievance.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The letter preview and the notification record over HTTP, as the director's form and staff use them. */
@GrievanceAppTest
class NoticeApiTests {

    @Autowired TestUsers users;
    @Autowired IntakeService intake;
    final ObjectMapper json = new ObjectMapper();

    record Answer(int status, String contentType, byte[] body) {
        JsonNode json() throws java.io.IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    Answer get(TestUsers.Role role, String path) {
        return users.as(role).get().uri(path).exchange((req, res) -> new Answer(res.getStatusCode().value(),
                String.valueOf(res.getHeaders().getContentType()), res.getBody().readAllBytes()));
    }

    Answer post(TestUsers.Role role, String path, String body) {
        return users.as(role).post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(),
                        String.valueOf(res.getHeaders().getContentType()), res.getBody().readAllBytes()));
    }

    @Test
    void previewIsAPdfOfTheLetterTheCaseWouldSendAndStoresNothing() {
        GrievanceCase c = intake.register(Intakes.written(Channel.LETTER, ServiceArea.DIETARY));
        Answer preview = get(TestUsers.Role.DIRECTOR, "/api/grievances/" + c.caseNumber() + "/letters/preview/ACKNOWLEDGEMENT");
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.contentType()).startsWith("application/pdf");
        assertThat(new String(preview.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Answer letters = get(TestUsers.Role.DIRECTOR, "/api/grievances/" + c.caseNumber() + "/letters");
        assertThat(letters.status()).isEqualTo(200);
        assertThat(new String(letters.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("[]");
    }

    @Test
    void oralNotificationIsRecordedWithTimeAndPerson() throws Exception {
        GrievanceCase c = intake.register(Intakes.written(Channel.LETTER, ServiceArea.DIETARY));
        Answer recorded = post(TestUsers.Role.PATIENT_RELATIONS, "/api/grievances/" + c.caseNumber() + "/notifications/oral",
                "{\"kind\":\"RESOLUTION\",\"notifiedAt\":\"2026-12-09T15:00:00-06:00\",\"summary\":\"Explained the outcome by phone.\"}");
        assertThat(recorded.status()).isEqualTo(200);
        JsonNode event = recorded.json().get(0);
        assertThat(event.get("mode").asText()).isEqualTo("ORAL");
        assertThat(event.get("kind").asText()).isEqualTo("RESOLUTION");
        assertThat(event.get("actor").asText()).isEqualTo(TestUsers.Role.PATIENT_RELATIONS.userId());
        assertThat(java.time.OffsetDateTime.parse(event.get("notifiedAt").asText()).toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse("2026-12-09T15:00:00-06:00").toInstant());

        Answer future = post(TestUsers.Role.PATIENT_RELATIONS, "/api/grievances/" + c.caseNumber() + "/notifications/oral",
                "{\"kind\":\"RESOLUTION\",\"notifiedAt\":\"2027-01-01T00:00:00-06:00\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(get(TestUsers.Role.AUDITOR, "/api/grievances/" + c.caseNumber() + "/notifications").json()).hasSize(1);
    }
}
