package org.opengrievance.closure;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.letter.LetterKind;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterStatus;
import org.opengrievance.notice.NotificationRepository;
import org.opengrievance.refusal.Refusal;
import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code closeGrievance}: a grievance closed with the patient still unsatisfied
 * must document the efforts made (CMS-HOSP-10).
 */
@Component("closureReview")
class ClosureReviewListener implements TaskListener {

    static final Set<String> REASONS = Set.of("RESOLVED", "CLOSED_UNSATISFIED", "WITHDRAWN");

    private final LetterService letters;
    private final NotificationRepository notifications;
    private final GrievanceCaseRepository cases;
    private final CaseClocks clocks;

    ClosureReviewListener(LetterService letters, NotificationRepository notifications, GrievanceCaseRepository cases,
            CaseClocks clocks) {
        this.letters = letters;
        this.notifications = notifications;
        this.cases = cases;
        this.clocks = clocks;
    }

    @Override
    public void notify(DelegateTask task) {
        Object reason = task.getVariable(GrievanceProcess.CLOSURE_REASON);
        if (reason == null || !REASONS.contains(reason.toString())) {
            throw Refusal.badField(GrievanceProcess.CLOSURE_REASON,
                    "Choose a closure reason: resolved, closed unsatisfied or withdrawn.");
        }
        Object efforts = task.getVariable(GrievanceProcess.CLOSURE_EFFORTS_NOTE);
        if ("CLOSED_UNSATISFIED".equals(reason) && (efforts == null || efforts.toString().isBlank())) {
            throw Refusal.badField(GrievanceProcess.CLOSURE_EFFORTS_NOTE,
                    "Closing with the patient not satisfied requires the efforts made to be documented.");
        }
        if (!"WITHDRAWN".equals(reason)) {
            requireNotification(CaseKey.of(task));
        }
    }

    /**
     * CMS-HOSP-8: a hospital grievance closes only after its written resolution letter was sent; a patient who
     * declines a letter is no exception. A plan grievance needs its notification: written when it was filed in
     * writing or concerns quality of care (MA-5, MA-6); an oral one otherwise (recorded through the API).
     */
    private void requireNotification(String caseNumber) {
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow();
        boolean writtenComplaint = !Set.of("PHONE", "IN_PERSON").contains(c.channel());
        boolean qualityOfCare = cases.contact(caseNumber).qualityOfCare();
        for (Regime regime : clocks.of(caseNumber).stream().map(k -> k.regime()).toList()) {
            boolean sent = letters.list(caseNumber).stream().anyMatch(l -> l.kind() == LetterKind.RESOLUTION
                    && l.status() == LetterStatus.SENT && regime.name().equals(l.regime()));
            if (sent) {
                continue;
            }
            boolean hospital = regime == Regime.HOSPITAL_COP;
            boolean writtenRequired = hospital || writtenComplaint || qualityOfCare;
            if (writtenRequired || !notifications.hasOral(caseNumber, "RESOLUTION")) {
                throw Refusal.conflict(hospital ? "CMS-HOSP-8" : "MA-5, MA-6",
                        "This grievance cannot close before its written resolution letter"
                        + (hospital ? " has been sent (CMS-HOSP-8; a patient declining the letter is not an exception)."
                        : " for " + regime + " has been sent (MA-5, MA-6)."));
            }
        }
    }
}
