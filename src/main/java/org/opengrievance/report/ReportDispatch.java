package org.opengrievance.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The email of a report to one director, kept in transactions of its own (table {@code monthly_report_dispatch},
 * the claim pattern of notice.LetterDispatch): claimed before the mail server is called, marked sent as soon
 * as it took the message, so that a retried job never emails a director twice.
 */
@Component
class ReportDispatch {

    enum Outcome {
        /** nobody sent it yet: send now */
        SEND,
        /** an earlier attempt sent it */
        ALREADY_SENT,
        /** an earlier attempt stopped after calling the mail server: it may have gone; never resend by itself */
        UNCERTAIN
    }

    record Claim(Outcome outcome, String messageId) {
    }

    /** For tests: runs right after the mail server took the email, before anything records it (a crash there). */
    Runnable afterSend = () -> { };
    /** For tests: runs right after an email is recorded as sent, before the job's transaction commits. */
    Runnable afterRecorded = () -> { };

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    ReportDispatch(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Claim claim(long reportId, String recipient) {
        return own.execute(tx -> {
            Optional<Claim> earlier = jdbc.sql("SELECT state, message_id FROM monthly_report_dispatch "
                    + "WHERE report_id = :id AND recipient = :to FOR UPDATE").param("id", reportId).param("to", recipient)
                    .query((rs, n) -> new Claim("SENT".equals(rs.getString(1)) ? Outcome.ALREADY_SENT
                            : Outcome.UNCERTAIN, rs.getString(2)))
                    .optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
            String messageId = "<report-" + reportId + "." + UUID.randomUUID() + "@grievance-engine>";
            // two jobs at once: the primary key lets one in, the other fails and is retried as a job
            jdbc.sql("INSERT INTO monthly_report_dispatch (report_id, recipient, state, message_id, claimed_at) "
                    + "VALUES (:id, :to, 'SENDING', :mid, :at)").param("id", reportId).param("to", recipient)
                    .param("mid", messageId).param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                    .update();
            return new Claim(Outcome.SEND, messageId);
        });
    }

    void sent(long reportId, String recipient) {
        afterSend.run();
        own.executeWithoutResult(tx -> jdbc.sql("UPDATE monthly_report_dispatch SET state = 'SENT', sent_at = :at "
                + "WHERE report_id = :id AND recipient = :to")
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).param("id", reportId)
                .param("to", recipient).update());
        afterRecorded.run();
    }

    /** The mail server refused it: nothing went, the next attempt may send. */
    void refused(long reportId, String recipient) {
        own.executeWithoutResult(tx -> jdbc.sql("DELETE FROM monthly_report_dispatch WHERE report_id = :id "
                + "AND recipient = :to AND state = 'SENDING'").param("id", reportId).param("to", recipient).update());
    }
}
