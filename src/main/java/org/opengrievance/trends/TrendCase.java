package org.opengrievance.trends;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The facts of one case the figures count (no PHI): its receipt and month in the case's own zone, its owner
 * (HOSPITAL or PLAN, as {@code caseOwner} decides it: any hospital clock makes it the hospital's) and the
 * facility or plan it is listed under, and the read-model columns the charts group by.
 */
record TrendCase(String caseNumber, ZoneId zone, Instant receivedAt, String owner, String facility,
        String classification, String route, String department, String hcatCategory, String hcatSeverity,
        String harmLevel, String channel, String status, Instant writtenResponseAt, Instant closedAt) {

    static final String HOSPITAL = "HOSPITAL";
    static final String PLAN = "PLAN";

    YearMonth month() {
        return YearMonth.from(receivedAt.atZone(zone));
    }

    boolean open() {
        return !"CLOSED".equals(status);
    }
}
