package org.opengrievance.availability;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Asked after a request failed unexpectedly: is the database reachable? When it is not (restarted, network
 * gone), the failure is an outage the client may retry, answered 503 with {@code Retry-After}, not a 500 that
 * reads like a defect. The engine and the case tables share the one DataSource, so one question covers both.
 */
@Component
public class DatabaseAvailability {

    /** How long the question may take: it is asked on the error path only. */
    static final int TIMEOUT_SECONDS = 2;
    public static final String RETRY_AFTER_SECONDS = "5";
    public static final String SENTENCE = "The database is not reachable just now; nothing was changed. Try again in a moment.";

    private final DataSource dataSource;

    public DatabaseAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * True when {@code failure} says the database connection failed: a connection error (SQLState class 08), the
     * server shutting down or not yet accepting connections (PostgreSQL 57P01–57P03), no connection in time from
     * the pool, a commit that failed, or Spring's words for these. Read from the exception, because a short outage is often over
     * before anyone could ask the database.
     */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    // the commit itself failed (the connection went during it): nothing was kept, a retry is safe
                    || t instanceof org.springframework.transaction.TransactionSystemException
                    || t instanceof org.springframework.dao.TransientDataAccessException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /** {@link #isOutage(Throwable)}, or else the database does not answer now. */
    public boolean explains(Throwable failure) {
        return isOutage(failure) || isDown();
    }

    public boolean isDown() {
        try (Connection c = dataSource.getConnection()) {
            return !c.isValid(TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }
}
