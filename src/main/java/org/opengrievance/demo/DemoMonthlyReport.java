package org.opengrievance.demo;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.report.MonthlyReportProcess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: at start-up the director gets the previous month's report (in the demo outbox), once per
 * database: the instance's business key names the month, and a second start-up finds it. Started by
 * {@link DemoSetup} after the demo users exist (the email step reads the directors); built and sent by the
 * model's async steps.
 */
@Component
@ConditionalOnProperty(name = "grievance.demo.enabled", havingValue = "true")
class DemoMonthlyReport {

    static final String DEMO = "demo";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final Clock clock;
    private final FacilityProperties facility;

    DemoMonthlyReport(RuntimeService runtime, HistoryService history, Clock clock, FacilityProperties facility) {
        this.runtime = runtime;
        this.history = history;
        this.clock = clock;
        this.facility = facility;
    }

    void sendOnce() {
        YearMonth previous = YearMonth.from(clock.instant().atZone(facility.zone())).minusMonths(1);
        String key = "demo-report-" + previous;
        if (history.createHistoricProcessInstanceQuery().processDefinitionKey(MonthlyReportProcess.KEY)
                .processInstanceBusinessKey(key).count() > 0) {
            return;
        }
        runtime.startProcessInstanceByKey(MonthlyReportProcess.KEY, key, Map.of(
                MonthlyReportProcess.REPORT_MONTH, previous.toString(), MonthlyReportProcess.REQUESTED_BY, DEMO));
    }
}
