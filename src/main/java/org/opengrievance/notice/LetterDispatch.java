package org.opengrievance.notice;

import java.time.Clock;
import java.time.Instant;
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
 * The state of a letter's email, kept in transactions of its own (table {@code letter_dispatch}) so that it
 * survives the rollback of the job that sends it: claimed before the mail server is called, marked sent as soon
 * as the server took it. So a job retried after a conflict or a crash never emails the letter twice.
 */
@Component
class LetterDispatch {

    /** What the caller may do with the letter now. */
    enum Outcome {
        /** nobody sent it yet: send it now, with {@link Claim#messageId()} */
        SEND,
        /** an earlier attempt of this job sent it: redo only the bookkeeping */
        ALREADY_SENT,
        /** an earlier attempt stopped after calling the mail server: it may have gone; never resend by itself */
        UNCERTAIN
    }

    record Claim(Outcome outcome, String messageId, Instant sentAt) {
    }

    /** For tests: runs right after the mail server took the email, before anything records it (a crash there). */
    Runnable afterSend = () -> { };
    /** For tests: runs right after the email is recorded as sent, before the job's transaction commits. */
    Runnable afterRecorded = () -> { };

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    LetterDispatch(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Claim claim(long letterId) {
        return own.execute(tx -> {
            Optional<Claim> earlier = jdbc.sql("SELECT state, message_id, sent_at FROM letter_dispatch "
                    + "WHERE letter_id = :id FOR UPDATE").param("id", letterId)
                    .query((rs, n) -> new Claim("SENT".equals(rs.getString(1)) ? Outcome.ALREADY_SENT : Outcome.UNCERTAIN,
                            rs.getString(2), rs.getObject(3, OffsetDateTime.class) == null ? null
                                    : rs.getObject(3, OffsetDateTime.class).toInstant()))
                    .optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
            String messageId = "<letter-" + letterId + "." + UUID.randomUUID() + "@grievance-engine>";
            // two jobs claiming at once: the primary key lets one in; the other fails and is retried as a job
            jdbc.sql("INSERT INTO letter_dispatch (letter_id, state, message_id, claimed_at) "
                    + "VALUES (:id, 'SENDING', :mid, :at)").param("id", letterId).param("mid", messageId)
                    .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
            return new Claim(Outcome.SEND, messageId, null);
        });
    }

    /** The mail server took it. */
    Instant sent(long letterId) {
        afterSend.run();
        Instant at = clock.instant();
        own.executeWithoutResult(tx -> jdbc.sql("UPDATE letter_dispatch SET state = 'SENT', sent_at = :at "
                + "WHERE letter_id = :id").param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("id", letterId).update());
        afterRecorded.run();
        return at;
    }

    /** The mail server refused it: nothing went, the next attempt may send. */
    void refused(long letterId) {
        own.executeWithoutResult(tx -> jdbc.sql("DELETE FROM letter_dispatch WHERE letter_id = :id AND state = 'SENDING'")
                .param("id", letterId).update());
    }

    /** Staff decided to email the letter again (an uncertain earlier attempt): the next attempt may send. */
    void release(long letterId) {
        refused(letterId);
    }
}
