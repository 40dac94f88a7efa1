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

    DatabaseAvailability(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isDown() {
        try (Connection c = dataSource.getConnection()) {
            return !c.isValid(TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }
}
