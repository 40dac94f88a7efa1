package org.opengrievance.notice;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.ByteArrayOutputStream;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.letter.LetterKind;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterStatus;
import org.opengrievance.letter.LetterSummary;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.Patients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Letters in the process: generated from the case, checked for every required element, approved by the
 * director, delivered by email through a real SMTP server (GreenMail) or by post through a print queue, and
 * required before a grievance closes.
 */
@GrievanceAppTest
class LetterDeliveryTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired ProcessEngine engine;
    @Autowired IntakeService intake;
    @Autowired GrievanceCaseRepository cases;
    @Autowired LetterService letters;
    @Autowired NotificationRepository notifications;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    ProcessInstance grievance(String email) {
        IntakeRequest r = new IntakeRequest(Channel.LETTER, Intakes.RECEIVED, Patients.unique(),
                "The meals arrived cold. <script>alert(1)</script> <b>bold</b>", ServiceArea.DIETARY, false, null,
                false, false, false, false, true, "en", null, null, null, null, null, true, false, email,
                "1 Main Street\nSpringfield", null);
        GrievanceCase c = intake.register(r);
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));
        return pi;
    }

    Job emailJob(ProcessInstance parent) {
        ProcessInstance delivery = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("letterDelivery").superProcessInstanceId(parent.getId()).singleResult();
        assertThat(delivery).isWaitingAt("emailLetter");
        return engine.getManagementService().createJobQuery().processInstanceId(delivery.getId()).singleResult();
    }

    LetterSummary resolution(String caseNumber) {
        return letters.list(caseNumber).stream().filter(l -> l.kind() == LetterKind.RESOLUTION).findFirst().orElseThrow();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void approvedResolutionLetterArrivesByEmailWithThePdfAttachedAndThenTheCaseCanClose() throws Exception {
        ProcessInstance pi = grievance("pat@example.org");
        String caseNumber = pi.getBusinessKey();
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-support-services");
        CaseSteps.draft(pi, "EMAIL");
        CaseSteps.approve(pi);
        LetterSummary approved = resolution(caseNumber);
        org.assertj.core.api.Assertions.assertThat(approved.status()).isEqualTo(LetterStatus.APPROVED);
        org.assertj.core.api.Assertions.assertThat(approved.sha256()).hasSize(64);

        // sending is an async job: nothing goes out in the approver's transaction
        org.assertj.core.api.Assertions.assertThat(smtp.getReceivedMessages()).isEmpty();
        engine.getManagementService().executeJob(emailJob(pi).getId());

        MimeMessage[] received = smtp.getReceivedMessages();
        org.assertj.core.api.Assertions.assertThat(received).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("pat@example.org");
        byte[] attachment = pdfAttachment(received[0]);
        String text = pdfText(attachment);
        org.assertj.core.api.Assertions.assertThat(text).contains("Paula Patient-Relations", "We replaced the broken cart",
                "Interviewed staff and the patient", caseNumber, "<script>alert(1)</script>", "<b>bold</b>");
        org.assertj.core.api.Assertions.assertThat(resolution(caseNumber).status()).isEqualTo(LetterStatus.SENT);
        org.assertj.core.api.Assertions.assertThat(notifications.list(caseNumber))
                .anyMatch(n -> n.kind().equals("RESOLUTION") && n.mode().equals("WRITTEN") && "EMAIL".equals(n.channel()));
        org.assertj.core.api.Assertions.assertThat(notifications.list(caseNumber))
                .anyMatch(n -> n.kind().equals("ACKNOWLEDGEMENT") && n.mode().equals("ORAL"));

        assertThat(pi).isWaitingAt("closeGrievance");
        complete(task("closeGrievance", pi), withVariables("closureReason", "RESOLVED"));
        assertThat(pi).isEnded();
    }

    /** The mail server is down: the email job fails, is retried, and its last attempt opens the unsent-letter task. */
    ProcessInstance unsentResolutionLetter(ProcessInstance pi) {
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-support-services");
        CaseSteps.draft(pi, "EMAIL");
        CaseSteps.approve(pi);
        smtp.stop();
        Job job = emailJob(pi);
        int failed = 0;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                engine.getManagementService().executeJob(job.getId());
            } catch (RuntimeException mailServerDown) {
                failed++; // a retry used up (R3/PT5M in the model)
            }
        }
        org.assertj.core.api.Assertions.assertThat(failed).as("the first two attempts fail and are retried").isEqualTo(2);
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("letterDelivery")
                .superProcessInstanceId(pi.getId()).singleResult();
    }

    @Test
    void aLetterTheMailServerWouldNotTakeBecomesAPatientRelationsTaskAfterTheRetriesAndTheCaseStaysOpen() {
        ProcessInstance pi = grievance("pat@example.org");
        String caseNumber = pi.getBusinessKey();
        ProcessInstance delivery = unsentResolutionLetter(pi);

        assertThat(delivery).isWaitingAt("resolveUnsentLetter");
        org.camunda.bpm.engine.task.Task unsent = task("resolveUnsentLetter", delivery);
        assertThat(unsent).hasCandidateGroup("patient-relations");
        org.assertj.core.api.Assertions.assertThat(unsent.getName()).isEqualTo("Letter could not be sent · " + caseNumber);
        org.assertj.core.api.Assertions.assertThat(unsent.getDueDate()).isNotNull();
        org.assertj.core.api.Assertions.assertThat(engine.getFormService().getTaskFormData(unsent.getId())
                .getCamundaFormRef().getKey()).isEqualTo("unsent-letter");
        org.assertj.core.api.Assertions.assertThat(engine.getManagementService().createJobQuery()
                .processInstanceId(delivery.getId()).count()).as("no dead job left behind").isZero();
        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().getVariable(delivery.getId(),
                "letterNotSentReason")).isEqualTo("The mail server did not take the letter after every retry.");
        org.assertj.core.api.Assertions.assertThat(smtp.getReceivedMessages()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(resolution(caseNumber).status()).isEqualTo(LetterStatus.APPROVED);
        org.assertj.core.api.Assertions.assertThat(cases.findByCaseNumber(caseNumber).orElseThrow().status()).isEqualTo("OPEN");
        assertThat(pi).isWaitingAt("sendResolutionLetter").isNotWaitingAt("closeGrievance");
        // operations see it in Cockpit too, as an incident that offers no retry (no job behind it)
        org.camunda.bpm.engine.runtime.Incident incident = engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(delivery.getId()).singleResult();
        org.assertj.core.api.Assertions.assertThat(incident.getIncidentType()).isEqualTo("letterNotSent");
        org.assertj.core.api.Assertions.assertThat(incident.getIncidentMessage()).contains(caseNumber)
                .doesNotContain("pat@example.org", "Pat Testpatient");

        // "print and mail" puts the same approved letter in the print queue, and the incident is resolved
        complete(unsent, withVariables("unsentLetterAction", "PRINT"));
        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createIncidentQuery()
                .processInstanceId(delivery.getId()).count()).isZero();
        assertThat(delivery).isWaitingAt("printAndMailLetter");
        CaseSteps.confirmMailing(pi);
        org.assertj.core.api.Assertions.assertThat(resolution(caseNumber).channel().name()).isEqualTo("MAIL");
        assertThat(pi).isWaitingAt("closeGrievance");
    }

    @Test
    void resendingAnUnsentLetterEmailsItOnceWhenTheServerIsBack() throws Exception {
        ProcessInstance pi = grievance("pat@example.org");
        String caseNumber = pi.getBusinessKey();
        ProcessInstance delivery = unsentResolutionLetter(pi);
        smtp.start();

        complete(task("resolveUnsentLetter", delivery), withVariables("unsentLetterAction", "RESEND"));
        org.assertj.core.api.Assertions.assertThat(smtp.getReceivedMessages()).as("sent by a new job, not now").isEmpty();
        engine.getManagementService().executeJob(emailJob(pi).getId());

        org.assertj.core.api.Assertions.assertThat(smtp.getReceivedMessages()).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(pdfText(pdfAttachment(smtp.getReceivedMessages()[0]))).contains(caseNumber);
        org.assertj.core.api.Assertions.assertThat(resolution(caseNumber).status()).isEqualTo(LetterStatus.SENT);
        assertThat(delivery).isEnded();
        assertThat(pi).isWaitingAt("closeGrievance");
    }

    @Test
    void draftWithAnUnansweredIssueIsBlockedNamingTheIssue() {
        ProcessInstance pi = grievance(null);
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-support-services");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task("draftResponse", pi), withVariables(
                "issue1", "Meals arrived cold", "answer1", "The broken cart was replaced.", "issue2", "Nobody called back",
                "responseDraft", "Your concern was substantiated.", "contactPerson", "Paula", "contactPhone", "(555) 010-0100",
                "responseChannel", "MAIL")))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasRootCauseInstanceOf(org.opengrievance.refusal.Refusal.class)
                .hasMessageContaining("an answer to issue 2").hasMessageContaining("Nobody called back");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task("draftResponse", pi), withVariables(
                "issue1", "Meals arrived cold", "answer1", "The broken cart was replaced.", "issue2", "",
                "responseDraft", "Your concern was substantiated.", "contactPhone", "(555) 010-0100", "responseChannel", "EMAIL")))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasRootCauseInstanceOf(org.opengrievance.refusal.Refusal.class)
                .hasMessageContaining("no email address");
        assertThat(pi).isWaitingAt("draftResponse");
    }

    @Test
    void qioParagraphIsRequiredForAMedicareQualityOfCareGrievanceAndPrinted() throws Exception {
        ProcessInstance pi = grievance(null);
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-support-services");
        CaseSteps.draft(pi, "MAIL");
        CaseSteps.approve(pi);
        String text = pdfText(letters.pdf(resolution(pi.getBusinessKey()).id()));
        // the QIO configured for this facility (application-test.yaml), with its numbers
        org.assertj.core.api.Assertions.assertThat(text).contains("Lakeshore Test QIO").contains("(312) 555-0142")
                .doesNotContain("Example BFCC-QIO");
    }

    @Test
    void postalAcknowledgementGoesToThePrintQueueAndIsSentOnTheMailingDate() {
        ProcessInstance pi = grievance(null);
        complete(task("acknowledgeReceipt", pi), withVariables("acknowledgedVia", "LETTER"));
        CaseSteps.confirmMailing(pi);
        LetterSummary ack = letters.list(pi.getBusinessKey()).stream()
                .filter(l -> l.kind() == LetterKind.ACKNOWLEDGEMENT).findFirst().orElseThrow();
        org.assertj.core.api.Assertions.assertThat(ack.status()).isEqualTo(LetterStatus.SENT);
        org.assertj.core.api.Assertions.assertThat(ack.channel().name()).isEqualTo("MAIL");
        org.assertj.core.api.Assertions.assertThat(ack.sentAt().toInstant())
                .isEqualTo(java.time.OffsetDateTime.parse("2026-12-10T12:00:00-06:00").toInstant());
        assertThat(pi).isWaitingAt("investigate");
    }

    @Test
    void hospitalGrievanceCannotCloseWithoutASentResolutionLetter() {
        ProcessInstance pi = grievance(null);
        engine.getRuntimeService().createProcessInstanceModification(pi.getId())
                .startBeforeActivity("closeGrievance").execute();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                complete(task("closeGrievance", pi), withVariables("closureReason", "RESOLVED")))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasRootCauseInstanceOf(org.opengrievance.refusal.Refusal.class)
                .hasMessageContaining("resolution letter").hasMessageContaining("CMS-HOSP-8");
        org.assertj.core.api.Assertions.assertThat(cases.findByCaseNumber(pi.getBusinessKey()).orElseThrow().status())
                .isEqualTo("OPEN");
    }

    @Test
    void hospitalAndPlanEachSendTheirOwnResolutionLetterBeforeTheCaseCloses() throws Exception {
        IntakeRequest r = new IntakeRequest(Channel.LETTER, Intakes.RECEIVED, Patients.unique(), "Cold meals.",
                ServiceArea.DIETARY, false, null, false, false, false, false, true, "en",
                java.util.List.of(org.opengrievance.regime.Regime.HOSPITAL_COP,
                        org.opengrievance.regime.Regime.MEDICARE_ADVANTAGE),
                null, null, null, null, true, false, null, "1 Main Street", Patients.memberId());
        GrievanceCase c = intake.register(r);
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-support-services");
        CaseSteps.draft(pi, "MAIL");
        CaseSteps.approve(pi);

        java.util.List<LetterSummary> resolutions = letters.list(c.caseNumber()).stream()
                .filter(l -> l.kind() == LetterKind.RESOLUTION).toList();
        org.assertj.core.api.Assertions.assertThat(resolutions).extracting(LetterSummary::regime)
                .containsExactlyInAnyOrder("HOSPITAL_COP", "MEDICARE_ADVANTAGE");
        String planLetter = pdfText(letters.pdf(resolutions.stream()
                .filter(l -> l.regime().equals("MEDICARE_ADVANTAGE")).findFirst().orElseThrow().id()));
        // MA-6: a quality-of-care plan grievance states the QIO rights
        org.assertj.core.api.Assertions.assertThat(planLetter).contains("Lakeshore Test QIO").contains("(312) 555-0142");

        // the classification notice and both resolution letters wait in the print queue, each print task for
        // its own letter
        java.util.List<org.camunda.bpm.engine.task.Task> prints = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(c.caseNumber()).taskDefinitionKey("printAndMailLetter").list();
        org.assertj.core.api.Assertions.assertThat(prints).hasSize(3);
        java.util.Map<String, org.camunda.bpm.engine.task.Task> printOf = new java.util.HashMap<>();
        for (org.camunda.bpm.engine.task.Task print : prints) {
            long letterId = ((Number) engine.getTaskService().getVariable(print.getId(), "letterId")).longValue();
            LetterSummary letter = letters.list(c.caseNumber()).stream().filter(l -> l.id() == letterId)
                    .findFirst().orElseThrow();
            printOf.put(letter.kind() + " " + letter.regime(), print);
        }
        org.assertj.core.api.Assertions.assertThat(printOf).containsOnlyKeys("CLASSIFICATION_NOTICE MEDICARE_ADVANTAGE",
                "RESOLUTION HOSPITAL_COP", "RESOLUTION MEDICARE_ADVANTAGE");

        // the hospital's letter went: the plan's is still owed (MA-6), so the case cannot close yet
        complete(printOf.get("CLASSIFICATION_NOTICE MEDICARE_ADVANTAGE"), withVariables("mailedAt", "2026-12-10T12:00:00-06:00"));
        complete(printOf.get("RESOLUTION HOSPITAL_COP"), withVariables("mailedAt", "2026-12-10T12:00:00-06:00"));
        assertThat(pi).isNotWaitingAt("closeGrievance");
        complete(printOf.get("RESOLUTION MEDICARE_ADVANTAGE"), withVariables("mailedAt", "2026-12-10T12:02:00-06:00"));
        assertThat(pi).isWaitingAt("closeGrievance");
        complete(task("closeGrievance", pi), withVariables("closureReason", "RESOLVED"));
        assertThat(pi).isEnded();
    }

    static byte[] pdfAttachment(MimeMessage message) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (part.getContentType().toLowerCase().startsWith("application/pdf")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                part.getInputStream().transferTo(out);
                return out.toByteArray();
            }
        }
        throw new AssertionError("no PDF attachment");
    }

}
