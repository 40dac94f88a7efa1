package org.opengrievance.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/** An unreachable database is told apart from a reachable one (the error path then answers 503, not 500). */
class DatabaseAvailabilityTests {

    @Test
    void aDatabaseThatGivesNoConnectionIsDown() {
        DatabaseAvailability unreachable = new DatabaseAvailability(new AbstractDataSource() {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                throw new SQLTransientConnectionException("Connection is not available, request timed out");
            }

            @Override
            public java.sql.Connection getConnection(String user, String password) throws java.sql.SQLException {
                return getConnection();
            }
        });
        assertThat(unreachable.isDown()).isTrue();
    }

    @Test
    void aDatabaseThatAnswersIsUp() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:availability");
        assertThat(new DatabaseAvailability(h2).isDown()).isFalse();
    }

    @Test
    void aLostConnectionOrAServerShuttingDownIsAnOutageAndASqlErrorIsNot() {
        assertThat(DatabaseAvailability.isOutage(new RuntimeException(new java.sql.SQLException("gone", "08006")))).isTrue();
        assertThat(DatabaseAvailability.isOutage(new IllegalStateException(new java.sql.SQLException("bye", "57P01"))))
                .isTrue();
        assertThat(DatabaseAvailability.isOutage(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(DatabaseAvailability.isOutage(new org.springframework.transaction.TransactionSystemException(
                "Could not commit JDBC transaction"))).isTrue();
        assertThat(DatabaseAvailability.isOutage(new RuntimeException(new java.sql.SQLException("too long", "22001"))))
                .isFalse();
        assertThat(DatabaseAvailability.isOutage(new IllegalArgumentException("no cause"))).isFalse();
    }
}
