package org.opengrievance.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.opengrievance.regime.Regime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts over the case tables for the gauges: open cases only (indexed by status), never the engine's history.
 * A case is counted under each regime whose clock it runs (a hospital grievance of an MA enrollee counts under
 * HOSPITAL_COP and MEDICARE_ADVANTAGE).
 */
@Component
class CaseCounts {

    private static final String OPEN_CLOCKS = """
            SELECT COUNT(DISTINCT k.case_number) FROM case_clock k
              JOIN grievance_case c ON c.case_number = k.case_number
             WHERE c.status = 'OPEN' AND k.regime = :regime""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OperationsProperties limits;

    CaseCounts(JdbcClient jdbc, Clock clock, OperationsProperties limits) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limits = limits;
    }

    long open(Regime regime) {
        return count(OPEN_CLOCKS, regime, null, null);
    }

    /** Running clocks (no response sent yet) due from now to now + the due-soon horizon. */
    long dueSoon(Regime regime) {
        Instant now = clock.instant();
        return count(OPEN_CLOCKS + " AND k.stopped_at IS NULL AND k.binding_due_at >= :from AND k.binding_due_at < :to",
                regime, now, now.plus(limits.dueSoon()));
    }

    /** Running clocks past their binding due instant, or whose breach was recorded, of cases still open. */
    long late(Regime regime) {
        return count(OPEN_CLOCKS + " AND k.stopped_at IS NULL AND (k.late = TRUE OR k.binding_due_at < :from)",
                regime, clock.instant(), null);
    }

    long lettersSent() {
        return jdbc.sql("SELECT COUNT(*) FROM letter WHERE status = 'SENT'").query(Long.class).single();
    }

    private long count(String sql, Regime regime, Instant from, Instant to) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("regime", regime.name());
        if (from != null) {
            statement = statement.param("from", utc(from));
        }
        if (to != null) {
            statement = statement.param("to", utc(to));
        }
        return statement.query(Long.class).single();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
