package org.opengrievance.readiness;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The pack's own tables as RFC 4180 CSV, written as export.CsvWriter writes the exports: UTF-8 without a
 * byte-order mark, CRLF, quoted when needed, and a cell that begins with = + - @ tab or CR gets a leading
 * apostrophe (a spreadsheet must never run a note a person wrote as a formula).
 */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv(List<String> headers) {
        row(headers);
    }

    Csv row(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(neutralized(cells.get(i) == null ? "" : cells.get(i))));
        }
        out.append("\r\n");
        return this;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String neutralized(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String field(String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
