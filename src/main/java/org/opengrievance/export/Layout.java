package org.opengrievance.export;

import java.util.List;
import java.util.Map;

/** One export's layout: its columns in order, how facts become rows, and the rules across a row's cells. */
interface Layout {

    ExportName name();

    /** The XLSX sheet's name (at most 31 characters). */
    String sheetName();

    List<Column> columns();

    /** The rows of the facts this export covers (it chooses which), in the order they are served. */
    List<ExportTable.Row> rows(List<GrievanceFacts> facts);

    /** Faults that involve several cells of one row (a time required because the grievance was expedited...). */
    default void rowFaults(String key, Map<String, String> cells, List<Fault> faults) {
    }

    default ExportTable table(List<GrievanceFacts> facts) {
        return new ExportTable(name(), sheetName(), columns(), rows(facts));
    }

    /** A row of cells in the layout's column order, from a header → value map. */
    default ExportTable.Row row(String key, Map<String, String> byHeader) {
        return new ExportTable.Row(key, columns().stream().map(c -> byHeader.get(c.header())).toList());
    }
}
