package org.opengrievance.report;

import java.time.Clock;
import java.util.Map;

import org.opengrievance.dispatch.ExactlyOnce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The email of a report to one director, sent exactly once (table {@code monthly_report_dispatch}, one row per
 * report and director): a retried job never emails a director twice.
 */
@Component
class ReportDispatch extends ExactlyOnce<ReportDispatch.ToDirector> {

    /** One report's email to one director (the engine's user id). */
    record ToDirector(long reportId, String recipient) {
    }

    ReportDispatch(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        super(new Table<>("monthly_report_dispatch",
                to -> Map.of("report_id", to.reportId(), "recipient", to.recipient()),
                to -> "report-" + to.reportId()), jdbc, transactions, clock);
    }
}
