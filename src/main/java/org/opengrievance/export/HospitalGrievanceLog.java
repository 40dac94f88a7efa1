package org.opengrievance.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The hospital's grievance log (CMS-HOSP-3, -8, -10): every grievance under the hospital's Conditions of
 * Participation, its classification, its dates, how it ended, and when the letter went out. Instants are the
 * facility's local time (the Zone column names it). No patient name: the case number leads to the record
 * (HIPAA minimum necessary), and a surveyor opens the case from it.
 */
@Component
class HospitalGrievanceLog implements Layout {

    static final String CASE = "Case number";
    static final String FACILITY = "Facility";
    static final String RECEIVED = "Received";
    static final String ZONE = "Zone";
    static final String CHANNEL = "Channel";
    static final String FORM = "Written or verbal";
    static final String AREA = "Service area";
    static final String CLASSIFICATION = "Classification";
    static final String RULE = "Classification rule";
    static final String DECIDED = "Classification decided";
    static final String ACKNOWLEDGED = "Acknowledged";
    static final String ACKNOWLEDGED_HOW = "Acknowledgement mode";
    static final String DUE = "Response due";
    static final String INTERIM = "Interim notice sent";
    static final String WRITTEN = "Written response sent";
    static final String LETTER_CHANNEL = "Letter channel";
    static final String LATE = "Late";
    static final String STATUS = "Status";
    static final String CLOSURE = "Closure reason";
    static final String CLOSED = "Closed";

    /** CMS-HOSP-2(c): a written complaint (letter, email, fax, portal) is always a grievance. */
    private static final Set<String> WRITTEN_CHANNELS = Set.of("LETTER", "EMAIL", "FAX", "PORTAL");

    private static final List<Column> COLUMNS = List.of(
            Column.required(CASE, Check.text(40)),
            Column.required(FACILITY, Check.text(200)),
            Column.required(RECEIVED, Check.localDateTime()),
            Column.required(ZONE, Check.pattern("[A-Za-z_]+(/[A-Za-z0-9_+-]+)*", "is not a time zone such as America/Chicago")),
            Column.required(CHANNEL, Check.oneOf(PartDUniverse.HOW.keySet())),
            Column.required(FORM, Check.oneOf(Set.of("WRITTEN", "VERBAL"))),
            Column.required(AREA, Check.text(40)),
            Column.required(CLASSIFICATION, Check.oneOf(Set.of("GRIEVANCE"))),
            Column.optional(RULE, Check.text(40)),
            Column.required(DECIDED, Check.oneOf(Set.of("CONFIRMED", "OVERRIDDEN"))),
            Column.optional(ACKNOWLEDGED, Check.localDateTime()),
            Column.optional(ACKNOWLEDGED_HOW, Check.oneOf(Set.of("WRITTEN", "ORAL"))),
            Column.required(DUE, Check.localDateTime()),
            Column.optional(INTERIM, Check.localDateTime()),
            Column.optional(WRITTEN, Check.localDateTime()),
            Column.optional(LETTER_CHANNEL, Check.oneOf(Set.of("MAIL", "EMAIL"))),
            Column.required(LATE, Check.yesNo()),
            Column.required(STATUS, Check.oneOf(Set.of("OPEN", "CLOSED"))),
            Column.optional(CLOSURE, Check.oneOf(Set.of("RESOLVED", "CLOSED_UNSATISFIED", GrievanceFacts.WITHDRAWN))),
            Column.optional(CLOSED, Check.localDateTime()));

    @Override
    public ExportName name() {
        return ExportName.HOSPITAL_GRIEVANCE_LOG;
    }

    @Override
    public String sheetName() {
        return "Hospital grievance log";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    /** Every grievance a person confirmed (or overrode to one); one still awaiting that review is not yet one. */
    @Override
    public List<ExportTable.Row> rows(List<GrievanceFacts> facts) {
        return facts.stream().filter(f -> f.classificationDecision() != null).map(this::row).toList();
    }

    private ExportTable.Row row(GrievanceFacts f) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put(CASE, f.caseNumber());
        c.put(FACILITY, f.facilityName());
        c.put(RECEIVED, Cells.logDateTime(f.receivedAt(), f.zone()));
        c.put(ZONE, f.zone().getId());
        c.put(CHANNEL, f.channel());
        c.put(FORM, WRITTEN_CHANNELS.contains(f.channel()) ? "WRITTEN" : "VERBAL");
        c.put(AREA, f.serviceArea());
        c.put(CLASSIFICATION, f.classification());
        c.put(RULE, f.classificationRule());
        c.put(DECIDED, f.classificationDecision());
        c.put(ACKNOWLEDGED, Cells.logDateTime(f.acknowledgedAt(), f.zone()));
        c.put(ACKNOWLEDGED_HOW, f.acknowledgementMode());
        c.put(DUE, Cells.logDateTime(f.bindingDueAt(), f.zone()));
        c.put(INTERIM, Cells.logDateTime(f.interimSentAt(), f.zone()));
        c.put(WRITTEN, Cells.logDateTime(f.writtenResponseAt(), f.zone()));
        c.put(LETTER_CHANNEL, f.writtenResponseAt() == null ? null : f.resolution().channel());
        c.put(LATE, Cells.yn(f.late()));
        c.put(STATUS, f.status());
        c.put(CLOSURE, f.closureReason());
        c.put(CLOSED, Cells.logDateTime(f.closedAt(), f.zone()));
        return row(f.caseNumber(), c);
    }

    @Override
    public void rowFaults(String key, Map<String, String> cells, List<Fault> faults) {
        boolean closed = "CLOSED".equals(cells.get(STATUS));
        for (String column : List.of(CLOSURE, CLOSED)) {
            if (closed != filled(cells.get(column))) {
                faults.add(new Fault(key, column, closed ? "is empty for a closed grievance" : "is filled for an open grievance"));
            }
        }
        // CMS-HOSP-8: a grievance is closed with its written response, unless it was withdrawn
        if (closed && !GrievanceFacts.WITHDRAWN.equals(cells.get(CLOSURE)) && !filled(cells.get(WRITTEN))) {
            faults.add(new Fault(key, WRITTEN, "is empty for a grievance closed without withdrawal (CMS-HOSP-8)"));
        }
        if (filled(cells.get(ACKNOWLEDGED)) != filled(cells.get(ACKNOWLEDGED_HOW))) {
            faults.add(new Fault(key, ACKNOWLEDGED_HOW, "must be given exactly when the acknowledgement is"));
        }
        if (filled(cells.get(WRITTEN)) != filled(cells.get(LETTER_CHANNEL))) {
            faults.add(new Fault(key, LETTER_CHANNEL, "must be given exactly when the written response is"));
        }
    }

    private static boolean filled(String value) {
        return value != null && !value.isBlank();
    }
}
