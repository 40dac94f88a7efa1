package org.opengrievance.export;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.opengrievance.access.PhiAccessLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds an export from our tables, validates it against its layout, and records the read in the PHI access log
 * before the file leaves (in the same transaction: an export the log could not record is not served).
 */
@Service
class ExportService {

    /** An export ready to be written as a file, and the name it is served under. */
    record Export(ExportTable table, String fileName) {
    }

    private final ExportFacts facts;
    private final PhiAccessLog accessLog;
    private final Map<ExportName, Layout> layouts = new EnumMap<>(ExportName.class);

    ExportService(ExportFacts facts, PhiAccessLog accessLog, List<Layout> layouts) {
        this.facts = facts;
        this.accessLog = accessLog;
        layouts.forEach(l -> this.layouts.put(l.name(), l));
    }

    /** @throws ExportInvalidException naming every row and field at fault, when the export does not validate */
    @Transactional
    public Export export(ExportName name, ReceiptRange range, ExportFormat format) {
        ExportTable table = table(name, range, null, range.parameters(format));
        return new Export(table, name.path() + "_" + range.from() + "_" + range.to() + "." + format.extension());
    }

    /**
     * The validated table of one facility's grievances ({@code facility} null: every facility's), its read
     * recorded with {@code parameters} (the survey-readiness pack writes one table as CSV and XLSX). Not a
     * transaction of its own: a refusal here must not mark the caller's transaction for rollback.
     */
    ExportTable table(ExportName name, ReceiptRange range, String facility, String parameters) {
        Layout layout = layouts.get(name);
        List<GrievanceFacts> rows = facts.grievances(name.regimes(), range);
        if (facility != null) {
            rows = rows.stream().filter(f -> facility.equals(f.facilityName())).toList();
        }
        ExportTable table = layout.table(rows);
        ExportValidator.require(layout, table);
        accessLog.exportRead(name.path(), parameters);
        return table;
    }
}
