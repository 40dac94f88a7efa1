package org.opengrievance.notice;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.letter.LetterKind;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterStatus;
import org.opengrievance.regime.Regime;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.Patients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every letter is emailed exactly once: a hospital and a Medicare Advantage resolution letter of one case,
 * emailed by two jobs at the same moment, make two emails; a conflict after the email went never sends it
 * again; a node that stopped right after the mail server took it never resends by itself (staff decide).
 */
@GrievanceAppTest
class ExactlyOnceEmailTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired ProcessEngine engine;
    @Autowired IntakeService intake;
    @Autowired LetterService letters;
    @Autowired LetterDispatch dispatch;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void reset() {
        dispatch.afterSend = () -> { };
        dispatch.afterRecorded = () -> { };
        AbstractAssertions.reset();
    }

    /** A case of the hospital and an MA plan, approved, its resolution letters waiting to be emailed. */
    ProcessInstance approvedForEmail(List<Regime> regimes) {
        GrievanceCase c = intake.register(new IntakeRequest(Channel.LETTER, Intakes.RECEIVED, Patients.unique(),
                "Cold meals.", ServiceArea.DIETARY, false, null, false, false, false, false, true, "en", regimes,
                null, null, null, null, false, false, "pat.testpatient@example.org", "1 Main Street", Patients.memberId()));
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
        complete(task("confirmClassification", pi), withVariables("classification", "GRIEVANCE"));
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-support-services");
        CaseSteps.draft(pi, "EMAIL");
        CaseSteps.approve(pi);
        return pi;
    }

    List<Job> emailJobs(ProcessInstance pi) {
        return engine.getManagementService().createJobQuery().processDefinitionKey("letterDelivery")
                .activityId("emailLetter").list().stream()
                .filter(j -> pi.getBusinessKey().equals(engine.getRuntimeService().createProcessInstanceQuery()
                        .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey()))
                .toList();
    }

    /** Runs the email jobs (retrying those that fail, as the job executor would), at most a few rounds. */
    void runEmailJobs(ProcessInstance pi) {
        for (int round = 0; round < 5 && !emailJobs(pi).isEmpty(); round++) {
            for (Job job : emailJobs(pi)) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                } catch (RuntimeException failedAttempt) {
                    // the job keeps its remaining retries, as after a conflict or a crash
                }
            }
        }
    }

    long resolutionLettersSent(ProcessInstance pi) {
        return letters.list(pi.getBusinessKey()).stream()
                .filter(l -> l.kind() == LetterKind.RESOLUTION && l.status() == LetterStatus.SENT).count();
    }

    @Test
    void twoLettersOfOneCaseEmailedAtTheSameMomentMakeTwoEmails() throws Exception {
        ProcessInstance pi = approvedForEmail(List.of(Regime.HOSPITAL_COP, Regime.MEDICARE_ADVANTAGE));
        // the plan's classification notice and the two resolution letters, all by email
        List<Job> jobs = emailJobs(pi);
        org.assertj.core.api.Assertions.assertThat(jobs).hasSize(3);
        ExecutorService two = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Job job : jobs) {
                runs.add(two.submit(() -> {
                    start.await();
                    try {
                        engine.getManagementService().executeJob(job.getId());
                    } catch (OptimisticLockingException conflict) {
                        // the loser of the parent's join is retried below, as the job executor would
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            two.shutdownNow();
        }
        runEmailJobs(pi);

        org.assertj.core.api.Assertions.assertThat(emailedLetterIds()).as("one email per letter")
                .hasSize(3).doesNotHaveDuplicates();
        org.assertj.core.api.Assertions.assertThat(resolutionLettersSent(pi)).isEqualTo(2);
        assertThat(pi).isWaitingAt("closeGrievance");
    }

    /** The letter each received email carries in its Message-ID ({@code <letter-<id>.<uuid>@…>}). */
    List<String> emailedLetterIds() throws Exception {
        List<String> ids = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : smtp.getReceivedMessages()) {
            ids.add(m.getMessageID().replaceAll("^<letter-(\\d+)\\..*$", "$1"));
        }
        return ids;
    }

    @Test
    void aConflictAfterTheEmailWentNeverSendsItAgain() {
        ProcessInstance pi = approvedForEmail(List.of(Regime.HOSPITAL_COP));
        int[] calls = {0};
        dispatch.afterRecorded = () -> {
            if (calls[0]++ == 0) {
                throw new OptimisticLockingException("injected: another job changed the case");
            }
        };
        runEmailJobs(pi);

        org.assertj.core.api.Assertions.assertThat(calls[0]).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(smtp.getReceivedMessages()).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(resolutionLettersSent(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt("closeGrievance");
    }

    @Test
    void aNodeThatStoppedRightAfterTheSendNeverResendsByItselfStaffDecide() {
        ProcessInstance pi = approvedForEmail(List.of(Regime.HOSPITAL_COP));
        int[] calls = {0};
        dispatch.afterSend = () -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("injected: the node stopped before recording the email");
            }
        };
        runEmailJobs(pi);

        org.assertj.core.api.Assertions.assertThat(smtp.getReceivedMessages()).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(resolutionLettersSent(pi)).isZero();
        org.camunda.bpm.engine.task.Task unsent = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(pi.getBusinessKey()).taskDefinitionKey("resolveUnsentLetter").singleResult();
        org.assertj.core.api.Assertions.assertThat(unsent).isNotNull();
        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().getVariable(unsent.getId(), "letterNotSentReason"))
                .asString().contains("may have reached the patient");
        assertThat(pi).isNotWaitingAt("closeGrievance");

        // patient relations checked with the patient and sends it again: a person's decision, sent once more
        complete(unsent, withVariables("unsentLetterAction", "RESEND"));
        runEmailJobs(pi);
        org.assertj.core.api.Assertions.assertThat(smtp.getReceivedMessages()).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(resolutionLettersSent(pi)).isEqualTo(1);
    }
}
