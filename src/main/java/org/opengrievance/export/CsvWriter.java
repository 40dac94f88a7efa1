package org.opengrievance.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV: a header row, CRLF line ends, UTF-8 without a byte-order mark; a field is quoted when it holds
 * a comma, a quote or a line break (quotes doubled). A text cell that begins with = + - @ or a tab or carriage
 * return gets a leading apostrophe, so a spreadsheet opening the file never runs it as a formula (OWASP CSV
 * injection: complaint texts are written by patients).
 */
final class CsvWriter {

    private CsvWriter() {
    }

    static byte[] write(ExportTable table) {
        StringBuilder out = new StringBuilder();
        line(out, table.headers(), table.columns());
        for (ExportTable.Row row : table.rows()) {
            line(out, row.cells(), table.columns());
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells, List<Column> columns) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = cells.get(i) == null ? "" : cells.get(i);
            out.append(field(columns.get(i).number() ? value : neutralized(value)));
        }
        out.append("\r\n");
    }

    static String neutralized(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static String field(String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
