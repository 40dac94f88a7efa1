package org.opengrievance.access;

import java.time.format.DateTimeFormatter;

/**
 * The CSV of the access-log export (RFC 4180: comma, CRLF, quotes doubled). A cell that a spreadsheet would take
 * for a formula (starting with {@code = + - @}, tab or CR) is prefixed with an apostrophe, so that opening the
 * export cannot run anything (OWASP "CSV injection").
 */
final class AccessLogCsv {

    static final String HEADER = "id,accessed_at_utc,accessed_at_local,actor,surface,action,case_number,export_name,parameters\r\n";

    private AccessLogCsv() {
    }

    static String row(AccessLogRepository.Entry e) {
        return String.join(",", Long.toString(e.id()),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.accessedAt()),
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.accessedAtLocal()),
                cell(e.actor()), cell(e.surface()), cell(e.action()), cell(e.caseNumber()), cell(e.exportName()),
                cell(e.parameters())) + "\r\n";
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
