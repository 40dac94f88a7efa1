package org.opengrievance.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an export against its layout before it is served (docs/audit-exports.md, "Validation"): every column
 * of the layout is there in its place, every mandatory cell is filled ("None" only where the layout allows
 * it), every value has its column's format, and the rules across a row hold. A universe CMS would reject is
 * refused with the list of faults instead (plans get three tries at a valid universe: A.3.2).
 */
final class ExportValidator {

    /** The most faults one answer names; the count of all of them is given as well. */
    static final int MAX_FAULTS = 500;
    static final String HEADER = "header";

    private ExportValidator() {
    }

    static List<Fault> faults(Layout layout, ExportTable table) {
        List<Fault> faults = new ArrayList<>();
        List<String> expected = layout.columns().stream().map(Column::header).toList();
        List<String> actual = table.headers();
        for (int i = 0; i < expected.size(); i++) {
            if (i >= actual.size() || !expected.get(i).equals(actual.get(i))) {
                faults.add(new Fault(HEADER, expected.get(i), actual.contains(expected.get(i))
                        ? "is not in its place (column " + (i + 1) + ")" : "is missing"));
            }
        }
        for (int i = expected.size(); i < actual.size(); i++) {
            faults.add(new Fault(HEADER, actual.get(i), "is not a column of this layout"));
        }
        if (!faults.isEmpty()) {
            return faults;
        }
        for (ExportTable.Row row : table.rows()) {
            if (row.cells().size() != expected.size()) {
                faults.add(new Fault(row.key(), HEADER, "has " + row.cells().size() + " cells, not " + expected.size()));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < expected.size(); i++) {
                Column column = layout.columns().get(i);
                String value = row.cells().get(i);
                cells.put(column.header(), value);
                String problem = problem(column, value);
                if (problem != null) {
                    faults.add(new Fault(row.key(), column.header(), problem));
                }
            }
            layout.rowFaults(row.key(), cells, faults);
        }
        return faults;
    }

    private static String problem(Column column, String value) {
        if (value == null || value.isBlank()) {
            return column.mandatory() ? "is empty" : null;
        }
        if (column.noneAllowed() && Cells.NONE.equals(value)) {
            return null;
        }
        return column.check().problem(value);
    }

    /** Throws the refusal when the table has faults. */
    static void require(Layout layout, ExportTable table) {
        List<Fault> faults = faults(layout, table);
        if (!faults.isEmpty()) {
            throw new ExportInvalidException(faults.subList(0, Math.min(MAX_FAULTS, faults.size())), faults.size());
        }
    }
}
