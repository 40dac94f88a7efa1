package org.opengrievance.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.Representative;
import org.opengrievance.intake.RepresentativeAuthority;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.letter.LetterKind;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterSummary;
import org.opengrievance.letter.PdfText;
import org.opengrievance.refusal.Refusal;
import org.opengrievance.support.Patients;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * E8 in the process: the acknowledgement of a case filed by a representative whose authority is on file is
 * addressed to the representative and emailed to their address; with the documentation only requested it goes to
 * the patient's; an emailed letter needs an address of whoever the addressee is.
 */
@GrievanceAppTest
class RepresentativeDeliveryTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    static final String PATIENT_EMAIL = "pat@example.org";
    static final String REP_EMAIL = "jordan@example.org";

    @Autowired ProcessEngine engine;
    @Autowired IntakeService intake;
    @Autowired LetterService letters;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    static Representative daughter(RepresentativeAuthority authority, String email) {
        return new Representative("Jordan Representa", "daughter", authority, "77 Elm Court\nEvanston, IL 60201", email);
    }

    /** the patient of the last case logged: a name of its own, so no other test's case is a possible duplicate (E7) */
    String patient;

    ProcessInstance grievance(Representative representative) {
        patient = Patients.unique();
        IntakeRequest r = new IntakeRequest(Channel.LETTER, Intakes.RECEIVED, patient,
                "The meals arrived cold three days running.", ServiceArea.DIETARY, false, null, false, false, false,
                false, false, "en", null, null, null, null, null, false, false, PATIENT_EMAIL, "1 Main Street\nSpringfield",
                null, null, null, null, representative);
        GrievanceCase c = intake.register(r);
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));
        return pi;
    }

    /** Acknowledged by email: the letter is generated and its email job runs. */
    MimeMessage acknowledgeByEmail(ProcessInstance pi) throws Exception {
        complete(task("acknowledgeReceipt", pi), withVariables("acknowledgedVia", "EMAIL"));
        ProcessInstance delivery = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("letterDelivery").superProcessInstanceId(pi.getId()).singleResult();
        Job job = engine.getManagementService().createJobQuery().processInstanceId(delivery.getId()).singleResult();
        engine.getManagementService().executeJob(job.getId());
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    LetterSummary acknowledgement(String caseNumber) {
        return letters.list(caseNumber).stream().filter(l -> l.kind() == LetterKind.ACKNOWLEDGEMENT).findFirst()
                .orElseThrow();
    }

    @Test
    void aRepresentativeWithAuthorityOnFileGetsTheLetterAtTheirOwnEmailAddressedToThemAboutThePatient() throws Exception {
        ProcessInstance pi = grievance(daughter(RepresentativeAuthority.ON_FILE, REP_EMAIL));
        MimeMessage mail = acknowledgeByEmail(pi);

        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(REP_EMAIL);
        String text = PdfText.of(pdfAttachment(mail));
        assertThat(text).contains("Jordan Representa 77 Elm Court Evanston, IL 60201 Patient: " + patient,
                "Dear Jordan Representa:", "you filed this complaint for " + patient + " as their representative (daughter)")
                .doesNotContain("Dear " + patient, "1 Main Street");
        LetterSummary stored = acknowledgement(pi.getBusinessKey());
        assertThat(stored.recipient()).isEqualTo(REP_EMAIL);
        assertThat(PdfText.of(letters.pdf(stored.id()))).isEqualTo(text);
    }

    @Test
    void aRepresentativeWhoseAuthorityIsOnlyRequestedIsNamedInThePatientsLetterWhichGoesToThePatient() throws Exception {
        ProcessInstance pi = grievance(daughter(RepresentativeAuthority.REQUESTED, REP_EMAIL));
        MimeMessage mail = acknowledgeByEmail(pi);

        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(PATIENT_EMAIL);
        String text = PdfText.of(pdfAttachment(mail));
        assertThat(text).contains(patient + " 1 Main Street Springfield Case number:", "Dear " + patient + ":",
                "Jordan Representa (daughter) filed this complaint for you. We have asked for the document that shows"
                        + " they may act for you.")
                .doesNotContain("Dear Jordan Representa", "77 Elm Court", "Patient: " + patient);
    }

    @Test
    void anEmailedLetterToARepresentativeWithoutAnEmailAddressIsRefusedEvenWhenThePatientHasOne() {
        ProcessInstance pi = grievance(daughter(RepresentativeAuthority.ON_FILE, null));
        String taskId = task("acknowledgeReceipt", pi).getId();
        assertThatExceptionOfType(ProcessEngineException.class)
                .isThrownBy(() -> engine.getTaskService().complete(taskId,
                        java.util.Map.of("acknowledgedVia", "EMAIL")))
                .havingRootCause().isInstanceOf(Refusal.class)
                .withMessage("There is no email address on file for the patient's representative, to whom "
                        + "the letters go: send the letter by mail.");
        assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // by mail the letter goes to the representative's address
        complete(task("acknowledgeReceipt", pi), withVariables("acknowledgedVia", "LETTER"));
        LetterSummary stored = acknowledgement(pi.getBusinessKey());
        assertThat(stored.recipient()).isEqualTo(
                "Jordan Representa (daughter, for " + patient + "), 77 Elm Court, Evanston, IL 60201");
    }

    static byte[] pdfAttachment(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if ("application/pdf".equalsIgnoreCase(part.getContentType().split(";")[0].trim())) {
                return part.getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no PDF attached");
    }
}
