package org.opengrievance.trends;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A chart as RFC 4180 CSV: the column labels as header, the rows in order, CRLF line ends, empty for no value. A
 * text cell beginning with = + - @ or a tab or carriage return gets a leading apostrophe (OWASP CSV injection:
 * facility and department names are configured text).
 */
final class TrendCsv {

    private TrendCsv() {
    }

    static String of(Chart chart) {
        StringBuilder out = new StringBuilder();
        line(out, chart.columns().stream().map(c -> (Object) c.label()).toList(), chart.columns(), true);
        for (Map<String, Object> row : chart.rows()) {
            line(out, chart.columns().stream().map(c -> row.get(c.key())).toList(), chart.columns(), false);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<Object> cells, List<ChartColumn> columns, boolean header) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = cells.get(i);
            String text = value == null ? "" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
            out.append(quoted(header || !columns.get(i).numeric() ? neutralized(text) : text));
        }
        out.append("\r\n");
    }

    private static String neutralized(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String quoted(String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
