package org.opengrievance.report;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;

import org.opengrievance.config.FacilityProperties;
import org.opengrievance.trends.TrendFilterOptions;
import org.opengrievance.trends.TrendQuery;
import org.opengrievance.trends.Trends;
import org.opengrievance.trends.TrendsService;
import org.springframework.stereotype.Service;

/**
 * Builds a month's report from the trend figures (trends.TrendsService, the read model) and the cases it lists,
 * renders it as PDF and XLSX and stores both.
 */
@Service
class MonthlyReports {

    private final TrendsService trends;
    private final ReportCases cases;
    private final ReportPdf pdf;
    private final ReportXlsx xlsx;
    private final ReportRepository stored;
    private final Clock clock;
    private final ZoneId zone;

    MonthlyReports(TrendsService trends, ReportCases cases, ReportPdf pdf, ReportXlsx xlsx, ReportRepository stored,
            Clock clock, FacilityProperties facility) {
        this.trends = trends;
        this.cases = cases;
        this.pdf = pdf;
        this.xlsx = xlsx;
        this.stored = stored;
        this.clock = clock;
        this.zone = facility.zone();
    }

    /** The facility and plan names the start form accepts: those the trend filters list. */
    Set<String> facilities() {
        return trends.filters().facilities().stream().map(TrendFilterOptions.FacilityOption::name)
                .collect(Collectors.toSet());
    }

    ReportContent content(YearMonth month, String facility, String builtBy) {
        Trends ofMonth = trends.compute(new TrendQuery(month, month, facility, null));
        Trends thirteen = trends.compute(new TrendQuery(month.minusMonths(12), month, facility, null));
        Instant now = clock.instant();
        return new ReportContent(month, facility, zone, now, builtBy, ofMonth.charts(), thirteen.chart("byMonth"),
                cases.late(month, facility), cases.abuseOrNeglect(month, facility), cases.highSeverity(month, facility));
    }

    long build(YearMonth month, String facility, String builtBy, String processInstanceId) {
        ReportContent content = content(month, facility, builtBy);
        return stored.store(month.toString(), facility, content.builtAt(), builtBy, processInstanceId,
                pdf.render(content), xlsx.write(content));
    }
}
