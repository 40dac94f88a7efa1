package org.opengrievance.export;

import java.util.List;

/**
 * An export before it is written as a file: its columns and its rows of cell text. Each row has a key that
 * names it in a refusal (the case number; a regime and month in the timeliness report).
 */
record ExportTable(ExportName name, String sheetName, List<Column> columns, List<Row> rows) {

    record Row(String key, List<String> cells) {
    }

    List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }
}
