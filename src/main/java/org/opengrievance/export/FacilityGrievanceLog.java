package org.opengrievance.export;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hospital grievance log of one facility and range, as CSV and XLSX, for the survey-readiness pack
 * (org.opengrievance.readiness): the same layout, validation and access-log record as
 * {@code /api/audit/exports/hospital-grievance-log}, only narrowed to the facility. A log that does not validate
 * is not written; its faults (case numbers and column names, never a cell's value) come back instead.
 */
@Component
public class FacilityGrievanceLog {

    /** The log's files (null when it did not validate), the cases it lists, and its faults in words. */
    public record Files(String baseName, byte[] csv, byte[] xlsx, List<String> caseNumbers, List<String> faults) {
    }

    private final ExportService exports;

    FacilityGrievanceLog(ExportService exports) {
        this.exports = exports;
    }

    /** Receipt dates {@code from} to {@code to}, both included, each in its clock's zone (as the export reads them). */
    @Transactional
    public Files of(LocalDate from, LocalDate to, String facility, String parameters) {
        ReceiptRange range = new ReceiptRange(from, to);
        String base = ExportName.HOSPITAL_GRIEVANCE_LOG.path() + "_" + from + "_" + to;
        try {
            ExportTable table = exports.table(ExportName.HOSPITAL_GRIEVANCE_LOG, range, facility, parameters);
            return new Files(base, CsvWriter.write(table), XlsxWriter.write(table),
                    table.rows().stream().map(ExportTable.Row::key).toList(), List.of());
        } catch (ExportInvalidException e) {
            List<String> faults = e.faults().stream().map(f -> f.row() + ", " + f.field() + ": " + f.message()).toList();
            return new Files(base, null, null, List.of(), faults);
        }
    }
}
