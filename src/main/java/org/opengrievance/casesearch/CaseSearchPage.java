package org.opengrievance.casesearch;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/audit/cases}: one page of cases, newest receipt first, and how many match in all: {@code total}
 * is exact when {@code totalCapped} is false; when it is true, more than {@code total} cases match (total is the
 * count cap, CaseSearchProperties) and the pages go on beyond it.
 */
record CaseSearchPage(int page, int size, long total, boolean totalCapped, List<CaseSearchRow> cases) {

    /** A case as the search lists it; instants in the facility's zone. */
    record CaseSearchRow(String caseNumber, String patientName, OffsetDateTime receivedAt, List<String> regimes,
            String classification, String status, boolean late, String hcatCategory, String department,
            OffsetDateTime responseDueAt, OffsetDateTime closedAt, String processInstanceId) {
    }
}
