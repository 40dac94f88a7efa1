package org.opengrievance.report;

import java.time.OffsetDateTime;

/** A stored report as the director's list shows it: no file contents, their hashes. */
public record StoredReport(long id, String month, String facility, OffsetDateTime builtAt, String builtBy,
        String processInstanceId, String pdfSha256, String xlsxSha256) {
}
