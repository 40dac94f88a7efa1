package org.opengrievance.notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.clock.ClockState;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.letter.LetterContent;
import org.opengrievance.letter.LetterKind;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterValidationException;
import org.opengrievance.refusal.Refusal;
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
    private final CaseClocks clocks;
    private final Addressees addressees;

    LetterTaskChecks(NoticeContents contents, LetterService letters, CaseClocks clocks, Addressees addressees) {
        this.contents = contents;
        this.letters = letters;
        this.clocks = clocks;
        this.addressees = addressees;
    }

    /**
     * acknowledgeReceipt: the form offers Email only when an address is on file ({@code acknowledgedVia}, with
     * Email) and otherwise {@code acknowledgedViaNoEmail}; whichever was chosen becomes {@code acknowledgedVia},
     * and an emailed acknowledgement still needs an email address on file.
     */
    @Bean
    TaskListener checkAcknowledgement() {
        return task -> chooseChannel(task, "acknowledgedVia", "Choose how receipt was acknowledged.");
    }

    /** sendInterimNotice (hospital clock): as acknowledgeReceipt, for {@code interimNoticeSentVia}. */
    @Bean
    TaskListener checkInterimNotice() {
        return task -> chooseChannel(task, "interimNoticeSentVia", "Choose how to send the interim letter.");
    }

    /** sendExtensionNotice (plan clock): as acknowledgeReceipt, for {@code extensionNoticeSentVia}. */
    @Bean
    TaskListener checkExtensionNotice() {
        return task -> chooseChannel(task, "extensionNoticeSentVia", "Choose how to send the extension notice.");
    }

    /**
     * draftResponse: every required element of each resolution letter, every issue answered (CMS-HOSP-8). A
     * case under several regimes gets one letter per owner (the hospital's, each plan's), each by its rules.
     */
    @Bean
    TaskListener checkLetterDraft() {
        return task -> {
            // the channel is offered only when an address is on file; without one the letter is mailed
            if (blank(task.getVariable("responseChannel")) && !formOffersEmail(task)) {
                task.getExecution().setVariable("responseChannel", "MAIL");
            } else if (blank(task.getVariable("responseChannel"))) {
                throw Refusal.badField("responseChannel", "Choose how to send the letter.");
            }
            requireEmailIfChosen(task, "responseChannel");
            List<String> missing = new ArrayList<>();
            for (LetterContent letter : resolutions(task)) {
                for (String m : letters.missing(letter)) {
                    String item = (multiple(task) ? letter.regime() + " letter: " : "") + m;
                    if (!missing.contains(item)) {
                        missing.add(item);
                    }
                }
            }
            if (!missing.isEmpty()) {
                throw Refusal.conflict("CMS-HOSP-8", "The resolution letter is missing " + String.join("; ", missing) + ".");
            }
        };
    }

    /** approveResponse: the director's approval stores each letter (PDF, SHA-256, template version, approver). */
    @Bean
    TaskListener approveLetter() {
        return task -> {
            if (!"APPROVE".equals(task.getVariable("approvalDecision"))) {
                return;
            }
            String approver = Actors.of(task);
            List<Long> ids = new ArrayList<>();
            try {
                for (LetterContent letter : resolutions(task)) {
                    ids.add(letters.approve(caseNumber(task), LetterKind.RESOLUTION, letter,
                            approver == null ? LetterDeliverySteps.SYSTEM : approver).id());
                }
            } catch (LetterValidationException e) {
                throw Refusal.conflict("CMS-HOSP-8", "The resolution letter cannot be approved: it is missing "
                        + String.join("; ", e.missing()) + ". Send it back for changes.");
            }
            task.getExecution().setVariable("resolutionLetterIds",
                    String.join(",", ids.stream().map(String::valueOf).toList()));
            task.getExecution().setVariable("resolutionLetterId", ids.get(0));
        };
    }

    /** One resolution letter per regime of the case: the hospital's and each plan's. */
    private List<LetterContent> resolutions(DelegateTask task) {
        List<LetterContent> all = new ArrayList<>();
        for (ClockState clock : clocks.of(caseNumber(task))) {
            Map<String, Object> vars = new HashMap<>(task.getVariables());
            vars.put("regime", clock.regime().name());
            all.add(contents.build(caseNumber(task), LetterKind.RESOLUTION, vars));
        }
        if (all.isEmpty()) {
            all.add(contents.build(caseNumber(task), LetterKind.RESOLUTION, task.getVariables()));
        }
        return all;
    }

    private boolean multiple(DelegateTask task) {
        return clocks.of(caseNumber(task)).size() > 1;
    }

    /**
     * The channel field {@code key} and its twin {@code key + "NoEmail"} (the same choice without Email, shown
     * when no address is on file): exactly one is set; its value becomes {@code key} for the model to read.
     */
    private void chooseChannel(DelegateTask task, String key, String missing) {
        Object withEmail = task.getVariable(key);
        Object withoutEmail = task.getVariable(key + "NoEmail");
        if (!blank(withEmail) && !blank(withoutEmail) && !withEmail.equals(withoutEmail)) {
            throw Refusal.badField(key, "Choose one way only.");
        }
        Object chosen = blank(withEmail) ? withoutEmail : withEmail;
        if (blank(chosen)) {
            throw Refusal.badField(key, missing);
        }
        task.getExecution().setVariable(key, chosen);
        requireEmailIfChosen(task, key);
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    /** Whether the form showed the channel choice with Email ({@code emailOnFile}, set at intake). */
    private static boolean formOffersEmail(DelegateTask task) {
        return Boolean.TRUE.equals(task.getVariable("emailOnFile"));
    }

    /**
     * An emailed letter needs an address of its addressee: the case record decides (the representative's when they
     * are the addressee, E8), whatever the form offered.
     */
    private void requireEmailIfChosen(DelegateTask task, String channelVariable) {
        if (!"EMAIL".equals(task.getVariable(channelVariable))) {
            return;
        }
        Addressee to = addressees.of(caseNumber(task));
        if (!to.hasEmail()) {
            throw Refusal.badField(channelVariable, "There is no email address on file for "
                    + (to.isRepresentative() ? "the patient's representative, to whom the letters go" : "this patient")
                    + ": send the letter by mail.");
        }
    }

    private static String caseNumber(DelegateTask task) {
        return CaseKey.of(task);
    }
}
