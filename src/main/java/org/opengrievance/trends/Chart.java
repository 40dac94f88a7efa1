package org.opengrievance.trends;

import java.util.List;
import java.util.Map;

/**
 * One figure: its fixed id, title, how to draw it ({@code bar}, {@code line}, {@code table}), its columns (the
 * first is the category axis) and its rows, keyed by column key; a null value is "no value".
 */
public record Chart(String id, String title, String type, List<ChartColumn> columns, List<Map<String, Object>> rows) {

    public Chart {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
