package org.opengrievance.notice;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.config.TimeBounds;
import org.opengrievance.dispatch.ExactlyOnce;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.intake.ReceiptTime;
import org.opengrievance.letter.LetterContent;
import org.opengrievance.letter.LetterKind;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterSummary;
import org.opengrievance.letter.SendChannel;
import org.opengrievance.refusal.Refusal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of letter-delivery.bpmn (and the oral acknowledgement of the main process):
 * generate and store, email (an async job: retries, then an incident), record the mailing date, record an
 * oral notification. Every delivery is also a notification event of the case.
 */
@Configuration(proxyBeanMethods = false)
class LetterDeliverySteps {

    static final String SYSTEM = "system:letter-delivery";
    /** The BPMN error of emailLetter when the letter did not go (the error boundary event {@code letterNotSent}). */
    static final String LETTER_NOT_SENT = "LETTER_NOT_SENT";
    /** What went wrong, in a sentence the unsent-letter form shows (no address, no patient data). */
    static final String NOT_SENT_REASON = "letterNotSentReason";

    private final NoticeContents contents;
    private final LetterService letters;
    private final LetterMailer mailer;
    private final LetterDispatch dispatch;
    private final GrievanceCaseRepository cases;
    private final Addressees addressees;
    private final NotificationRepository notifications;
    private final Clock clock;
    private final TimeBounds bounds;
    private final ZoneId zone;

    LetterDeliverySteps(NoticeContents contents, LetterService letters, LetterMailer mailer, LetterDispatch dispatch,
            GrievanceCaseRepository cases, Addressees addressees, NotificationRepository notifications, Clock clock,
            TimeBounds bounds, FacilityProperties facility) {
        this.contents = contents;
        this.letters = letters;
        this.mailer = mailer;
        this.dispatch = dispatch;
        this.cases = cases;
        this.addressees = addressees;
        this.notifications = notifications;
        this.clock = clock;
        this.bounds = bounds;
        this.zone = facility.zone();
    }

    /** prepareLetter: an approved letter (the resolution) is used as is; others are generated now. */
    @Bean
    JavaDelegate prepareLetter() {
        return execution -> {
            String caseNumber = caseNumber(execution);
            LetterKind kind = LetterKind.valueOf((String) execution.getVariable("letterKind"));
            Object existing = execution.getVariable("letterId");
            LetterSummary letter;
            if (existing instanceof Number id) {
                letter = ownLetter(execution, id.longValue());
            } else {
                LetterContent content = contents.build(caseNumber, kind, execution.getVariables());
                String by = Actors.current(execution.getProcessEngineServices().getIdentityService());
                letter = letters.approve(caseNumber, kind, content, by == null ? SYSTEM : by);
            }
            execution.setVariable("letterId", letter.id());
            execution.setVariable("letterKindLabel", kind.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        };
    }

    /**
     * emailLetter (async, {@code R3/PT5M}): sends the stored PDF to the email address on file, exactly once
     * ({@link LetterDispatch}: claimed before the mail server is called and marked sent as soon as it took the
     * letter, each in its own transaction, so a retry after a conflict or a crash never sends again), and records
     * it as sent. A failed attempt is thrown, so the job is retried; the last attempt (the job has
     * one retry left) and a case without an address throw the BPMN error {@value #LETTER_NOT_SENT} instead, which
     * the model turns into the patient-relations task {@code resolveUnsentLetter}: nothing was sent, so resending
     * or printing from there never sends the letter twice, and it is never left lying in a dead job.
     */
    @Bean
    JavaDelegate emailLetter() {
        return execution -> {
            String caseNumber = caseNumber(execution);
            long letterId = ((Number) execution.getVariable("letterId")).longValue();
            LetterSummary letter = ownLetter(execution, letterId);
            // the addressee's email: the representative's when they are the addressee (E8)
            Addressee contact = addressees.of(caseNumber);
            if (!contact.hasEmail()) {
                execution.setVariable(NOT_SENT_REASON, contact.isRepresentative()
                        ? "No email address is on file for the patient's representative, to whom the letters go."
                        : "No email address is on file for this patient.");
                throw new BpmnError(LETTER_NOT_SENT, "no email address on file");
            }
            String name = caseNumber + "-" + letter.kind().name().toLowerCase(Locale.ROOT) + ".pdf";
            ExactlyOnce.Claim claim = dispatch.claim(letterId);
            Instant now;
            switch (claim.outcome()) {
                case UNCERTAIN -> {
                    execution.setVariable(NOT_SENT_REASON, "An earlier attempt stopped after the mail server was "
                            + "given the letter, so it may have reached the patient: check before sending it again.");
                    throw new BpmnError(LETTER_NOT_SENT, "delivery uncertain");
                }
                case ALREADY_SENT -> now = claim.sentAt(); // a retry after the email went: only the records below
                default -> {
                    try {
                        mailer.send(contact.email(), caseNumber, name, letters.pdf(letterId), claim.messageId());
                    } catch (RuntimeException mailFailed) {
                        dispatch.refused(letterId);
                        if (lastAttempt(execution)) {
                            execution.setVariable(NOT_SENT_REASON,
                                    "The mail server did not take the letter after every retry.");
                            throw new BpmnError(LETTER_NOT_SENT, "the mail server did not take the letter");
                        }
                        throw mailFailed;
                    }
                    now = dispatch.sent(letterId);
                }
            }
            letters.markSent(letterId, SendChannel.EMAIL, contact.email(), now);
            notifications.record(caseNumber, letter.kind().name(), "WRITTEN", letterId, "EMAIL",
                    OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC), SYSTEM, null,
                    OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
        };
    }

    /**
     * recordMailing: staff printed and mailed the letter; the date they give is when it was sent. It is read in
     * the facility's zone when it has no offset (as the print form shows it), lies within the time bounds and
     * not before the letter was approved: the record never says a letter went out before it existed.
     */
    @Bean
    JavaDelegate recordMailing() {
        return execution -> {
            String caseNumber = caseNumber(execution);
            LetterSummary stored = ownLetter(execution, ((Number) execution.getVariable("letterId")).longValue());
            long letterId = stored.id();
            Instant mailedAt = ReceiptTime.parse(execution.getVariable("mailedAt"), zone);
            bounds.require("mailedAt", mailedAt);
            Instant ready = stored.approvedAt() != null ? stored.approvedAt().toInstant()
                    : stored.generatedAt() == null ? null : stored.generatedAt().toInstant();
            TimeOrder.mailedAfterApproval("mailedAt", mailedAt, ready, stored.approvedAt() != null, zone);
            LetterSummary letter = letters.markSent(letterId, SendChannel.MAIL, null, mailedAt);
            String by = Actors.current(execution.getProcessEngineServices().getIdentityService());
            notifications.record(caseNumber, letter.kind().name(), "WRITTEN", letterId, "MAIL",
                    OffsetDateTime.ofInstant(mailedAt, java.time.ZoneOffset.UTC), by,
                    (String) execution.getVariable("mailingNote"), OffsetDateTime.now(clock));
        };
    }

    /** resolveUnsentLetter: "resend by email" needs an address on file (the case record decides). */
    @Bean
    TaskListener checkUnsentLetter() {
        return task -> {
            if ("RESEND".equals(task.getVariable("unsentLetterAction"))) {
                Addressee to = addressees.of(CaseKey.of(task));
                if (!to.hasEmail()) {
                    throw Refusal.badField("unsentLetterAction", "There is no email address on file for "
                            + (to.isRepresentative() ? "the patient's representative" : "this patient")
                            + ": print and mail the letter.");
                }
                // a person decided to send it again (also after an attempt that may have gone through)
                Object letterId = task.getVariable("letterId");
                if (letterId instanceof Number id) {
                    dispatch.release(id.longValue());
                }
            }
        };
    }

    /** The incident type operations see in Cockpit while a letter waits in "Letter could not be sent". */
    static final String UNSENT_INCIDENT = "letterNotSent";

    /**
     * resolveUnsentLetter (create and complete): besides the task for patient relations, an incident in Cockpit
     * for operations while the letter waits, resolved when the task is done. It is raised by hand, not by a
     * failed job, so Cockpit offers no "retry" that could send the letter a second time.
     */
    @Bean
    TaskListener unsentLetterIncident() {
        return task -> {
            var runtime = task.getProcessEngineServices().getRuntimeService();
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                runtime.createIncident(UNSENT_INCIDENT, task.getExecutionId(), "letter " + task.getVariable("letterId"),
                        "The letter of " + CaseKey.of(task) + " could not be emailed: " + task.getVariable(NOT_SENT_REASON));
            } else {
                runtime.createIncidentQuery().executionId(task.getExecutionId()).incidentType(UNSENT_INCIDENT).list()
                        .forEach(i -> runtime.resolveIncident(i.getId()));
            }
        };
    }

    /** True on the last attempt of this execution's async job: one retry left (R3: the attempts see 3, 2, 1). */
    private static boolean lastAttempt(DelegateExecution execution) {
        Job job = execution.getProcessEngineServices().getManagementService().createJobQuery()
                .executionId(execution.getId()).singleResult();
        return job == null || job.getRetries() <= 1;
    }

    /** recordOralNotification: e.g. an acknowledgement given by phone or in person, with time and person. */
    @Bean
    JavaDelegate recordOralNotification() {
        return execution -> {
            String by = Actors.current(execution.getProcessEngineServices().getIdentityService());
            OffsetDateTime now = OffsetDateTime.now(clock);
            // the receipt may lie up to the clock-skew allowance ahead: the notification is never before it
            cases.findByCaseNumber(caseNumber(execution)).ifPresent(c ->
                    TimeOrder.notifiedNowAfterReceipt(now.toInstant(), c.receivedAt().toInstant()));
            notifications.record(caseNumber(execution), (String) execution.getVariable("notificationKind"), "ORAL",
                    null, String.valueOf(execution.getVariable("acknowledgedVia")), now, by,
                    (String) execution.getVariable("acknowledgementNote"), now);
        };
    }

    /** The letter id is a variable a person completing the print task could change: it must be this case's. */
    private LetterSummary ownLetter(DelegateExecution execution, long letterId) {
        LetterSummary letter = letters.find(letterId);
        if (!letter.caseNumber().equals(caseNumber(execution))) {
            throw Refusal.conflict(null, "Record the mailing of this case's own letter; leave the letter as the task opened it.");
        }
        return letter;
    }

    private static String caseNumber(DelegateExecution execution) {
        return CaseKey.of(execution);
    }
}
