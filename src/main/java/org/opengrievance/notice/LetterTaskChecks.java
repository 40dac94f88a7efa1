package org.opengrievance.notice;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opengrievance.grievance.Actors;
import org.opengrievance.letter.LetterContent;
import org.opengrievance.letter.LetterKind;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterSummary;
import org.opengrievance.letter.LetterValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Complete listeners that stop a person before a wrong letter goes out: the message names what is missing
 * (Tasklist shows it on the form), and the task stays open.
 */
@Configuration(proxyBeanMethods = false)
class LetterTaskChecks {

    private final NoticeContents contents;
    private final LetterService letters;

    LetterTaskChecks(NoticeContents contents, LetterService letters) {
        this.contents = contents;
        this.letters = letters;
    }

    /** acknowledgeReceipt: an emailed acknowledgement needs an email address on file. */
    @Bean
    TaskListener checkAcknowledgement() {
        return task -> requireEmailIfChosen(task, "acknowledgedVia");
    }

    /** draftResponse: every required element of the resolution letter, every issue answered (CMS-HOSP-8). */
    @Bean
    TaskListener checkLetterDraft() {
        return task -> {
            requireEmailIfChosen(task, "responseChannel");
            List<String> missing = letters.missing(resolution(task));
            if (!missing.isEmpty()) {
                throw new ProcessEngineException("The resolution letter is missing " + String.join("; ", missing) + ".");
            }
        };
    }

    /** approveResponse: the director's approval stores the letter (PDF, SHA-256, template version, approver). */
    @Bean
    TaskListener approveLetter() {
        return task -> {
            if (!"APPROVE".equals(task.getVariable("approvalDecision"))) {
                return;
            }
            String approver = Actors.of(task);
            try {
                LetterSummary letter = letters.approve(caseNumber(task), LetterKind.RESOLUTION, resolution(task),
                        approver == null ? LetterDeliverySteps.SYSTEM : approver);
                task.getExecution().setVariable("resolutionLetterId", letter.id());
            } catch (LetterValidationException e) {
                throw new ProcessEngineException("The resolution letter cannot be approved: it is missing "
                        + String.join("; ", e.missing()) + ". Send it back for changes.");
            }
        };
    }

    private LetterContent resolution(DelegateTask task) {
        return contents.build(caseNumber(task), LetterKind.RESOLUTION, task.getVariables());
    }

    private static void requireEmailIfChosen(DelegateTask task, String channelVariable) {
        if ("EMAIL".equals(task.getVariable(channelVariable)) && !Boolean.TRUE.equals(task.getVariable("emailOnFile"))) {
            throw new ProcessEngineException("There is no email address on file for this patient: send the letter by mail.");
        }
    }

    private static String caseNumber(DelegateTask task) {
        return (String) task.getVariable("caseNumber");
    }
}
