package org.opengrievance.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.letter.PdfText;
import org.opengrievance.regime.Regime;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The preview tells the truth: only a letter the case's rules send (404 otherwise, never a 500), only a
 * complete one (422 listing what is missing, the same check as approval, never a PDF with blanks), always
 * marked as a draft, and never stored.
 */
@GrievanceAppTest
class LetterPreviewTests {

    @Autowired TestUsers users;
    @Autowired IntakeService intake;

    record Answer(int status, String contentType, byte[] body) {
        JsonNode json() throws java.io.IOException {
            return new ObjectMapper().readTree(body);
        }
    }

    Answer preview(String caseNumber, String kindAndQuery) {
        return users.as(TestUsers.Role.DIRECTOR).get()
                .uri("/api/grievances/" + caseNumber + "/letters/preview/" + kindAndQuery)
                .exchange((req, res) -> new Answer(res.getStatusCode().value(),
                        String.valueOf(res.getHeaders().getContentType()), res.getBody().readAllBytes()));
    }

    String planCase(Regime... regimes) {
        IntakeRequest r = new IntakeRequest(Channel.LETTER, Intakes.RECEIVED, Patients.unique(),
                "The meals arrived cold three days running.", ServiceArea.DIETARY, false, null, false, false, false,
                false, true, "en", List.of(regimes), null, null, null, null);
        return intake.register(r).caseNumber();
    }

    @Test
    void aKindTheCasesRulesDoNotSendIsNotFoundNeverAServerError() throws Exception {
        String maCase = planCase(Regime.MEDICARE_ADVANTAGE);
        Answer interim = preview(maCase, "INTERIM");
        assertThat(interim.status()).isEqualTo(404);
        assertThat(interim.contentType()).startsWith("application/problem+json");
        assertThat(interim.json().get("type").asText()).isEqualTo("urn:grievance:problem:letter-not-applicable");
        assertThat(interim.json().get("detail").asText()).contains("interim letter is a hospital's", "MEDICARE_ADVANTAGE");

        GrievanceCase hospital = intake.register(Intakes.written(Channel.LETTER, ServiceArea.DIETARY));
        for (String kind : List.of("EXTENSION", "CLASSIFICATION_NOTICE")) {
            Answer a = preview(hospital.caseNumber(), kind);
            assertThat(a.status()).as(kind).isEqualTo(404);
            assertThat(a.json().get("type").asText()).isEqualTo("urn:grievance:problem:letter-not-applicable");
            assertThat(a.json().get("detail").asText()).contains("HOSPITAL_COP");
        }
        // a regime the case is not under is no more a letter of the case than a kind it does not send
        Answer otherPlan = preview(maCase, "ACKNOWLEDGEMENT?regime=MEDICAID");
        assertThat(otherPlan.status()).isEqualTo(404);
    }

    @Test
    void anIncompleteLetterAnswersTheListOfWhatIsMissingInsteadOfAPdfWithBlanks() throws Exception {
        GrievanceCase c = intake.register(Intakes.written(Channel.LETTER, ServiceArea.DIETARY));
        Answer resolution = preview(c.caseNumber(), "RESOLUTION");
        assertThat(resolution.status()).isEqualTo(422);
        assertThat(resolution.contentType()).startsWith("application/problem+json");
        JsonNode problem = resolution.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:grievance:problem:letter-incomplete");
        List<String> missing = new ArrayList<>();
        problem.get("missing").forEach(m -> missing.add(m.asText()));
        assertThat(missing).contains("the name of the hospital contact person", "a phone number for the contact person",
                "the steps taken on behalf of the patient to investigate the grievance",
                "the results of the grievance process");
        assertThat(missing).anySatisfy(m -> assertThat(m).startsWith("an answer to issue 1"));
        assertThat(problem.get("detail").asText()).isEqualTo("The resolution letter cannot be previewed yet: it lacks "
                + missing.size() + " required elements, listed in missing.");

        String planCase = planCase(Regime.MEDICARE_ADVANTAGE);
        Answer extension = preview(planCase, "EXTENSION");
        assertThat(extension.status()).isEqualTo(422);
        List<String> noExtension = new ArrayList<>();
        extension.json().get("missing").forEach(m -> noExtension.add(m.asText()));
        assertThat(noExtension).contains("the reason for the extension", "the new due date");
    }

    @Test
    void aCompleteLetterPreviewsAsADraftUnderTheCasesOwnRegimeAndIsNeverStored() {
        String both = planCase(Regime.HOSPITAL_COP, Regime.MEDICARE_ADVANTAGE);
        Answer hospital = preview(both, "ACKNOWLEDGEMENT");
        assertThat(hospital.status()).isEqualTo(200);
        assertThat(hospital.contentType()).startsWith("application/pdf");
        assertThat(PdfText.squeezed(hospital.body())).contains("DRAFT–notsent", "MercyGeneralHospital")
                .doesNotContain("1-800-MEDICARE");

        Answer plan = preview(both, "CLASSIFICATION_NOTICE");
        assertThat(plan.status()).isEqualTo(200);
        assertThat(PdfText.squeezed(plan.body())).contains("1-800-MEDICARE");
        Answer planAck = preview(both, "ACKNOWLEDGEMENT?regime=MEDICARE_ADVANTAGE");
        assertThat(planAck.status()).isEqualTo(200);
        assertThat(PdfText.squeezed(planAck.body())).contains("1-800-MEDICARE", "PrairieHealthPlan");

        Answer stored = users.as(TestUsers.Role.DIRECTOR).get().uri("/api/grievances/" + both + "/letters")
                .exchange((req, res) -> new Answer(res.getStatusCode().value(), null, res.getBody().readAllBytes()));
        assertThat(new String(stored.body(), StandardCharsets.UTF_8)).isEqualTo("[]");
    }
}
