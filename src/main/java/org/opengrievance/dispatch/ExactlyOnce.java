package org.opengrievance.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each message of one kind at most once, whatever happens to the job that sends it: a row per message in
 * the kind's own table (columns {@code state}, {@code message_id}, {@code claimed_at}, {@code sent_at} beside the
 * key), kept in transactions of its own so that it survives the job's rollback. The caller claims the message
 * before it calls the mail server and reports sent as soon as the server took it. A retried job so finds the
 * message sent (redo only the bookkeeping) or claimed and never marked sent (the node stopped in between: it may
 * have gone, so it is never sent again by itself).
 *
 * @param <K> what names one message, e.g. a letter's id
 */
public class ExactlyOnce<K> {

    /** What the caller may do with the message now. */
    public enum Outcome {
        /** nobody sent it yet: send it now, with {@link Claim#messageId()} */
        SEND,
        /** an earlier attempt sent it: redo only the bookkeeping */
        ALREADY_SENT,
        /** an earlier attempt stopped after calling the mail server: it may have gone; never resend by itself */
        UNCERTAIN
    }

    /** The claim's outcome, the Message-ID to send with (the first attempt's on a retry), when it was sent. */
    public record Claim(Outcome outcome, String messageId, Instant sentAt) {
    }

    /**
     * A kind's table: its name, the key columns a message fills ({@code letter_id}; {@code report_id} and
     * {@code recipient}), and the first part of its Message-ID ({@code letter-12}), which tests and mail logs read.
     */
    public record Table<K>(String name, Function<K, Map<String, Object>> key, Function<K, String> messageLabel) {
    }

    /** For tests: runs right after the mail server took the email, before anything records it (a crash there). */
    public Runnable afterSend = () -> { };
    /** For tests: runs right after the email is recorded as sent, before the job's transaction commits. */
    public Runnable afterRecorded = () -> { };

    private final Table<K> table;
    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final Clock clock;

    protected ExactlyOnce(Table<K> table, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.table = table;
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public Claim claim(K message) {
        Map<String, Object> key = key(message);
        return own.execute(tx -> {
            Optional<Claim> earlier = params(jdbc.sql("SELECT state, message_id, sent_at FROM " + table.name()
                    + " WHERE " + where(key) + " FOR UPDATE"), key)
                    .query((rs, n) -> new Claim("SENT".equals(rs.getString(1)) ? Outcome.ALREADY_SENT : Outcome.UNCERTAIN,
                            rs.getString(2), rs.getObject(3, OffsetDateTime.class) == null ? null
                                    : rs.getObject(3, OffsetDateTime.class).toInstant()))
                    .optional();
            if (earlier.isPresent()) {
                return earlier.get();
            }
            String messageId = "<" + table.messageLabel().apply(message) + "." + UUID.randomUUID() + "@grievance-engine>";
            // two jobs claiming at once: the primary key lets one in; the other fails and is retried as a job
            params(jdbc.sql("INSERT INTO " + table.name() + " (" + String.join(", ", key.keySet())
                    + ", state, message_id, claimed_at) VALUES (" + key.keySet().stream().map(c -> ":" + c)
                            .collect(Collectors.joining(", ")) + ", 'SENDING', :mid, :at)"), key)
                    .param("mid", messageId).param("at", utc(clock.instant())).update();
            return new Claim(Outcome.SEND, messageId, null);
        });
    }

    /** The mail server took it: returns when. */
    public Instant sent(K message) {
        afterSend.run();
        Instant at = clock.instant();
        Map<String, Object> key = key(message);
        own.executeWithoutResult(tx -> params(jdbc.sql("UPDATE " + table.name() + " SET state = 'SENT', sent_at = :at "
                + "WHERE " + where(key)), key).param("at", utc(at)).update());
        afterRecorded.run();
        return at;
    }

    /** The mail server refused it, or a person decided to send it again: the next attempt may send. */
    public void refused(K message) {
        Map<String, Object> key = key(message);
        own.executeWithoutResult(tx -> params(jdbc.sql("DELETE FROM " + table.name() + " WHERE " + where(key)
                + " AND state = 'SENDING'"), key).update());
    }

    /** In column order, so that one kind's statements are always the same text. */
    private Map<String, Object> key(K message) {
        return new TreeMap<>(table.key().apply(message));
    }

    private static String where(Map<String, Object> key) {
        return key.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(" AND "));
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, Map<String, Object> key) {
        key.forEach(sql::param);
        return sql;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
