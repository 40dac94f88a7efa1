package org.opengrievance.notice;

import java.time.Clock;
import java.util.Map;

import org.opengrievance.dispatch.ExactlyOnce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A letter's email, sent exactly once (table {@code letter_dispatch}, one row per letter): a job retried after
 * a conflict or a crash never emails the letter twice.
 */
@Component
class LetterDispatch extends ExactlyOnce<Long> {

    LetterDispatch(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        super(new Table<>("letter_dispatch", id -> Map.of("letter_id", id), id -> "letter-" + id), jdbc,
                transactions, clock);
    }

    /** Staff decided to email the letter again (an uncertain earlier attempt): the next attempt may send. */
    void release(long letterId) {
        refused(letterId);
    }
}
