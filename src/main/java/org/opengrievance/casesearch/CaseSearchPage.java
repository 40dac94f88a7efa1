package org.opengrievance.casesearch;

import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/audit/cases}: one page of cases, newest receipt first, and how many match in all. */
record CaseSearchPage(int page, int size, long total, List<CaseSearchRow> cases) {

    /** A case as the search lists it; instants in the facility's zone. */
    record CaseSearchRow(String caseNumber, String patientName, OffsetDateTime receivedAt, List<String> regimes,
            String classification, String status, boolean late, String hcatCategory, String department,
            OffsetDateTime responseDueAt, OffsetDateTime closedAt, String processInstanceId) {
    }
}
