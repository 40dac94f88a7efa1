package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.notice.NoticeContents;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The letter preference of a case (large print on request) over HTTP, and what the case's letters record: the
 * language written in next to the one asked for, and large print.
 */
@GrievanceAppTest
class LetterPreferenceApiTests {

    @Autowired TestUsers users;
    @Autowired IntakeService intake;
    @Autowired NoticeContents contents;
    @Autowired LetterService letters;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    record Answer(int status, String contentType, byte[] body) {
        JsonNode json() throws java.io.IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    Answer call(TestUsers.Role role, String method, String path, String body) {
        var spec = users.as(role).method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                String.valueOf(res.getHeaders().getContentType()), res.getBody().readAllBytes()));
    }

    String caseIn(String language) {
        return intake.register(new IntakeRequest(Channel.LETTER, Intakes.RECEIVED, Patients.unique(),
                "The meals arrived cold three days running.", ServiceArea.DIETARY, false, null, false, false, false,
                false, false, language)).caseNumber();
    }

    @Test
    void patientRelationsRecordsLargePrintAndEveryLetterOfTheCaseIsPrintedLargeAndSaysSo() throws Exception {
        GrievanceCase c = intake.register(Intakes.written(Channel.LETTER, ServiceArea.DIETARY));
        String path = "/api/grievances/" + c.caseNumber() + "/letter-preferences";
        assertThat(call(TestUsers.Role.PATIENT_RELATIONS, "GET", path, null).json().get("largePrint").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT actor FROM phi_access_log WHERE case_number = ? AND action = 'letter-preferences'")
                .param(c.caseNumber()).query(String.class).list())
                .as("the read is in the PHI access log").containsExactly(TestUsers.Role.PATIENT_RELATIONS.userId());

        Answer set = call(TestUsers.Role.PATIENT_RELATIONS, "PUT", path, "{\"largePrint\":true}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("largePrint").asBoolean()).isTrue();
        assertThat(set.json().get("updatedBy").asText()).isEqualTo(TestUsers.Role.PATIENT_RELATIONS.userId());

        Answer preview = call(TestUsers.Role.DIRECTOR, "GET",
                "/api/grievances/" + c.caseNumber() + "/letters/preview/ACKNOWLEDGEMENT", null);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(LetterLargePrintTests.sizesOf(preview.body(), null)).isNotEmpty()
                .allSatisfy(size -> assertThat(size).isGreaterThanOrEqualTo(18f));

        LetterSummary stored = letters.approve(c.caseNumber(), LetterKind.ACKNOWLEDGEMENT,
                contents.build(c.caseNumber(), LetterKind.ACKNOWLEDGEMENT, Map.of()), "dora.director");
        assertThat(stored.largePrint()).isTrue();
        JsonNode listed = call(TestUsers.Role.AUDITOR, "GET", "/api/grievances/" + c.caseNumber() + "/letters", null)
                .json().get(0);
        assertThat(listed.get("largePrint").asBoolean()).isTrue();
    }

    @Test
    void onlyStaffWhoChangeCasesSetThePreferenceAndOnlyWithAYesOrNo() {
        GrievanceCase c = intake.register(Intakes.written(Channel.LETTER, ServiceArea.DIETARY));
        String path = "/api/grievances/" + c.caseNumber() + "/letter-preferences";
        assertThat(call(TestUsers.Role.AUDITOR, "PUT", path, "{\"largePrint\":true}").status()).isEqualTo(403);
        assertThat(call(TestUsers.Role.PATIENT_RELATIONS, "PUT", path, "{}").status()).isEqualTo(400);
        assertThat(call(TestUsers.Role.PATIENT_RELATIONS, "PUT", path, "{\"largePrint\":\"yes\"}").status()).isEqualTo(400);
        assertThat(call(TestUsers.Role.PATIENT_RELATIONS, "PUT", "/api/grievances/GRV-2026-999997/letter-preferences",
                "{\"largePrint\":true}").status()).isEqualTo(404);
    }

    @Test
    void theLetterRecordsTheLanguageItIsWrittenInAndTheOneThePatientAskedFor() {
        String vietnamese = caseIn("vi");
        LetterSummary vi = letters.approve(vietnamese, LetterKind.ACKNOWLEDGEMENT,
                contents.build(vietnamese, LetterKind.ACKNOWLEDGEMENT, Map.of()), "dora.director");
        assertThat(List.of(vi.language(), vi.requestedLanguage())).containsExactly("vi", "vi");
        assertThat(PdfText.of(letters.pdf(vi.id()))).contains("Chúng tôi đã nhận được khiếu nại của quý vị",
                "Văn phòng Quan hệ Bệnh nhân");

        String korean = caseIn("ko");
        LetterSummary ko = letters.approve(korean, LetterKind.ACKNOWLEDGEMENT,
                contents.build(korean, LetterKind.ACKNOWLEDGEMENT, Map.of()), "dora.director");
        assertThat(List.of(ko.language(), ko.requestedLanguage())).containsExactly("en", "ko");
        assertThat(PdfText.of(letters.pdf(ko.id()))).contains("This letter is in English because we do not have it "
                + "in your language (Korean) yet.", "ATENCIÓN: si habla español");
        assertThat(ko.largePrint()).isFalse();
    }
}
