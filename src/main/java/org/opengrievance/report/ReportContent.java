package org.opengrievance.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.opengrievance.trends.Chart;

/**
 * What one monthly report says: the month of receipt and facility (null: all), the trend figures of the month,
 * the byMonth figures of the 13 months ending with it, and the cases it lists one by one.
 */
record ReportContent(YearMonth month, String facility, ZoneId zone, Instant builtAt, String builtBy,
        List<Chart> charts, Chart comparison, List<ReportCase> late, List<ReportCase> abuseOrNeglect,
        List<ReportCase> highSeverity) {

    String title() {
        return "Monthly grievance report " + month + (facility == null ? "" : " \u2013 " + facility);
    }
}
