package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.regime.Regime;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** Approved letters are stored with the SHA-256 of their PDF, listed and served over HTTP (H2, or PostgreSQL in CI). */
@GrievanceAppTest
class LetterStorageAndApiTests {

    static final String READER = "lettertestauditor";
    static final String READER_PASSWORD = "Letter-Test-Reader-2026!";

    @LocalServerPort int port;
    @Autowired LetterService letters;
    @Autowired IntakeService intake;
    @Autowired JdbcClient jdbc;
    @Autowired IdentityService identity;
    final ObjectMapper json = new ObjectMapper();
    RestClient http;
    String caseNumber;

    record Answer(int status, String contentType, byte[] body, HttpHeaders headers) {
        JsonNode json() throws java.io.IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    @BeforeEach
    void caseAndClient() {
        GrievanceCase created = intake.register(Intakes.written(Channel.EMAIL, ServiceArea.DIETARY));
        caseNumber = created.caseNumber();
        // a reader of the API (group "auditor"); the credentials are ignored while the API is open
        if (identity.createUserQuery().userId(READER).count() == 0) {
            User user = identity.newUser(READER);
            user.setPassword(READER_PASSWORD);
            identity.saveUser(user);
            if (identity.createGroupQuery().groupId("auditor").count() == 0) {
                identity.saveGroup(identity.newGroup("auditor"));
            }
            identity.createMembership(READER, "auditor");
        }
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(h -> h.setBasicAuth(READER, READER_PASSWORD)).build();
    }

    Answer get(String path) {
        return http.get().uri(path).exchange((req, res) -> new Answer(res.getStatusCode().value(),
                res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString(),
                res.getBody().readAllBytes(), res.getHeaders()));
    }

    LetterContent resolution() {
        return SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "en").toBuilder()
                .caseNumber(caseNumber).build();
    }

    @Test
    void approvedLetterIsStoredWithTheSha256OfItsPdfAndTheTemplateVersion() {
        LetterSummary approved = letters.approve(caseNumber, LetterKind.RESOLUTION, resolution(), "dora.director");

        assertThat(approved.status()).isEqualTo(LetterStatus.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo("dora.director");
        assertThat(approved.approvedAt().toInstant()).isEqualTo(GrievanceAppTest.NOW);
        assertThat(approved.templateVersion()).matches("2\\+[0-9a-f]{12}");
        assertThat(approved.language()).isEqualTo("en");
        assertThat(approved.requestedLanguage()).isEqualTo("en");
        assertThat(approved.largePrint()).isFalse();
        assertThat(approved.recipient()).isEqualTo("Pat Testpatient, 1200 Lake Shore Drive, Apt 4B, Chicago, IL 60610");

        byte[] stored = jdbc.sql("SELECT pdf FROM letter WHERE id = ?").param(approved.id())
                .query((rs, i) -> rs.getBytes(1)).single();
        String recorded = jdbc.sql("SELECT sha256 FROM letter WHERE id = ?").param(approved.id())
                .query(String.class).single();
        assertThat(LetterHashes.sha256(stored)).isEqualTo(recorded).isEqualTo(approved.sha256());
        assertThat(approved.sizeBytes()).isEqualTo(stored.length);
        assertThat(PdfText.of(stored)).contains(caseNumber, "Dana Liaison");
        assertThat(letters.verify(approved.id()).intact()).isTrue();
        assertThat(letters.pdf(approved.id())).isEqualTo(stored);
    }

    @Test
    void aLetterWithMissingElementsIsNotApprovedAndNothingIsStored() {
        LetterContent incomplete = resolution().toBuilder().results(" ").build();
        assertThatThrownBy(() -> letters.approve(caseNumber, LetterKind.RESOLUTION, incomplete, "dora.director"))
                .isInstanceOf(LetterValidationException.class)
                .hasMessageContaining("the results of the grievance process");
        assertThat(letters.list(caseNumber)).isEmpty();
    }

    @Test
    void previewRendersACompleteLetterAsADraftWithoutStoringAnything() {
        byte[] pdf = letters.preview(resolution());
        assertThat(PdfText.squeezed(pdf)).contains("DRAFT–notsent", caseNumber, "Ouranswertoeachissueyouraised");
        assertThat(letters.list(caseNumber)).isEmpty();
        assertThat(letters.missing(resolution().toBuilder().results(null).build()))
                .containsExactly("the results of the grievance process");
        assertThatThrownBy(() -> letters.preview(resolution().toBuilder().results(null).build()))
                .isInstanceOf(LetterValidationException.class)
                .extracting(e -> ((LetterValidationException) e).missing())
                .isEqualTo(List.of("the results of the grievance process"));
        assertThatThrownBy(() -> letters.preview(resolution().toBuilder().language("French").build()))
                .isInstanceOf(LetterValidationException.class).hasMessageContaining("as an ISO 639 code");
    }

    @Test
    void approvingALetterForAnUnknownCaseFails() {
        LetterContent c = resolution().toBuilder().caseNumber("GRV-2026-999998").build();
        assertThatThrownBy(() -> letters.approve("GRV-2026-999998", LetterKind.RESOLUTION, c, "dora.director"))
                .isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    void sendingIsRecordedOnceWithChannelTimeAndRecipient() {
        LetterSummary approved = letters.approve(caseNumber, LetterKind.RESOLUTION, resolution(), "dora.director");
        Instant at = Instant.parse("2026-12-10T20:15:00Z");
        LetterSummary sent = letters.markSent(approved.id(), SendChannel.EMAIL, "pat@example.org", at);
        assertThat(sent.status()).isEqualTo(LetterStatus.SENT);
        assertThat(sent.channel()).isEqualTo(SendChannel.EMAIL);
        assertThat(sent.sentAt().toInstant()).isEqualTo(at);
        assertThat(sent.recipient()).isEqualTo("pat@example.org");
        assertThat(sent.sha256()).isEqualTo(approved.sha256());

        assertThatThrownBy(() -> letters.markSent(approved.id(), SendChannel.MAIL, at))
                .isInstanceOf(LetterStateException.class).hasMessageContaining("SENT");
        List<String> events = jdbc.sql("SELECT event FROM letter_event WHERE letter_id = ? ORDER BY id")
                .param(approved.id()).query(String.class).list();
        assertThat(events).containsExactly("APPROVED", "SENT");
    }

    @Test
    void apiListsTheLettersOfACaseWithoutPdfBytes() throws Exception {
        LetterSummary interim = letters.approve(caseNumber, LetterKind.INTERIM,
                SampleLetters.complete(LetterKind.INTERIM, Regime.HOSPITAL_COP, "es").toBuilder()
                        .caseNumber(caseNumber).build(), "paula.relations");
        LetterSummary resolution = letters.approve(caseNumber, LetterKind.RESOLUTION, resolution(), "dora.director");

        Answer list = get("/api/grievances/" + caseNumber + "/letters");
        assertThat(list.status()).isEqualTo(200);
        JsonNode body = list.json();
        assertThat(body).hasSize(2);
        assertThat(body.get(0).get("id").asLong()).isEqualTo(interim.id());
        assertThat(body.get(0).get("kind").asText()).isEqualTo("INTERIM");
        assertThat(body.get(0).get("language").asText()).isEqualTo("es");
        assertThat(body.get(1).get("kind").asText()).isEqualTo("RESOLUTION");
        assertThat(body.get(1).get("sha256").asText()).isEqualTo(resolution.sha256());
        assertThat(body.get(1).get("status").asText()).isEqualTo("APPROVED");
        assertThat(body.get(1).get("templateVersion").asText()).isEqualTo(resolution.templateVersion());
        assertThat(body.get(1).has("pdf")).isFalse();
        assertThat(list.body().length).isLessThan(4000);
    }

    @Test
    void apiServesThePdfExactlyAsApproved() {
        LetterSummary approved = letters.approve(caseNumber, LetterKind.RESOLUTION, resolution(), "dora.director");

        Answer pdf = get("/api/grievances/" + caseNumber + "/letters/" + approved.id() + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(LetterHashes.sha256(pdf.body())).isEqualTo(approved.sha256());
        assertThat(pdf.headers().getFirst("Repr-Digest")).isEqualTo("sha-256=:"
                + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(approved.sha256())) + ":");
        assertThat(pdf.headers().getFirst(HttpHeaders.CACHE_CONTROL)).contains("no-store");
        assertThat(PdfText.of(pdf.body())).contains(caseNumber, "Our answer to each issue you raised");
    }

    @Test
    void unknownCaseOrLetterIsA404Problem() throws Exception {
        LetterSummary approved = letters.approve(caseNumber, LetterKind.RESOLUTION, resolution(), "dora.director");
        String other = intake.register(Intakes.written(Channel.LETTER, ServiceArea.NURSING)).caseNumber();

        for (String path : List.of("/api/grievances/GRV-2026-999997/letters",
                "/api/grievances/" + caseNumber + "/letters/999999999/pdf",
                "/api/grievances/" + other + "/letters/" + approved.id() + "/pdf")) {
            Answer answer = get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).as(path).startsWith("application/problem+json");
            assertThat(answer.json().get("title").asText()).as(path).isNotBlank();
        }
        assertThat(get("/api/grievances/" + other + "/letters").json()).isEmpty();
    }

    @Test
    void aStoredLetterThatNoLongerMatchesItsHashIsFlaggedAndNotServed() throws Exception {
        LetterSummary approved = letters.approve(caseNumber, LetterKind.RESOLUTION, resolution(), "dora.director");
        byte[] original = letters.pdf(approved.id());
        byte[] altered = original.clone();
        altered[altered.length / 2] ^= 0x20;
        jdbc.sql("UPDATE letter SET pdf = ? WHERE id = ?").params(altered, approved.id()).update();

        LetterIntegrity check = letters.verify(approved.id());
        assertThat(check.intact()).isFalse();
        assertThat(check.recordedSha256()).isEqualTo(approved.sha256());
        assertThat(check.actualSha256()).isEqualTo(LetterHashes.sha256(altered));
        assertThatThrownBy(() -> letters.pdf(approved.id())).isInstanceOf(LetterIntegrityException.class);

        Answer answer = get("/api/grievances/" + caseNumber + "/letters/" + approved.id() + "/pdf");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("type").asText()).isEqualTo("urn:grievance:problem:letter-integrity");
    }
}
