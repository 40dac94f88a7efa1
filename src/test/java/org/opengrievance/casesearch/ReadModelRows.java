package org.opengrievance.casesearch;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written straight into the read model (grievance_case, case_clock) for the search tests: the search
 * reads only these tables, so a row is all a case is to it. Every number starts with {@code prefix}, which no
 * real case uses (real numbers carry the receipt year), and {@link #deleteAll()} removes them again: the
 * Spring context and its database are shared with every other test. Public for the Cockpit browser test, which
 * needs more cases than the search counts.
 */
public final class ReadModelRows {

    static final String ZONE = "America/Chicago";

    private final JdbcTemplate jdbc;
    private final String prefix;

    public ReadModelRows(JdbcTemplate jdbc, String prefix) {
        this.jdbc = jdbc;
        this.prefix = prefix;
    }

    /** A case row; change what a test needs with the {@code with...} methods. */
    record Row(String caseNumber, String patientName, OffsetDateTime receivedAt, List<String> regimes,
            String classification, String status, boolean late, String hcatCategory, String department,
            OffsetDateTime closedAt) {

        Row withName(String n) {
            return new Row(caseNumber, n, receivedAt, regimes, classification, status, late, hcatCategory, department, closedAt);
        }

        Row receivedAt(OffsetDateTime t) {
            return new Row(caseNumber, patientName, t, regimes, classification, status, late, hcatCategory, department, closedAt);
        }

        Row regimes(String... r) {
            return new Row(caseNumber, patientName, receivedAt, List.of(r), classification, status, late, hcatCategory, department, closedAt);
        }

        Row classification(String c) {
            return new Row(caseNumber, patientName, receivedAt, regimes, c, status, late, hcatCategory, department, closedAt);
        }

        Row open() {
            return new Row(caseNumber, patientName, receivedAt, regimes, classification, "OPEN", late, hcatCategory, department, null);
        }

        Row late(boolean l) {
            return new Row(caseNumber, patientName, receivedAt, regimes, classification, status, l, hcatCategory, department, closedAt);
        }

        Row hcat(String h) {
            return new Row(caseNumber, patientName, receivedAt, regimes, classification, status, late, h, department, closedAt);
        }

        Row department(String d) {
            return new Row(caseNumber, patientName, receivedAt, regimes, classification, status, late, hcatCategory, d, closedAt);
        }
    }

    /** A closed grievance of the hospital, received at {@code receivedAt}, numbered {@code prefix + suffix}. */
    Row closed(String suffix, String patientName, OffsetDateTime receivedAt) {
        return new Row(prefix + suffix, patientName, receivedAt, List.of("HOSPITAL_COP"), "GRIEVANCE", "CLOSED", false,
                "ENVIRONMENT", "nursing", receivedAt.plusDays(5));
    }

    /** {@code count} closed cases received an hour apart, numbered 000001… from the oldest, the last at {@code last}. */
    public void insertClosed(int count, OffsetDateTime last) {
        List<Row> generated = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            generated.add(closed(String.format(java.util.Locale.ROOT, "%06d", i), "Generated Patient " + i,
                    last.minusHours(count - i)));
        }
        insert(generated);
    }

    void insert(Row... rows) {
        insert(List.of(rows));
    }

    void insert(List<Row> rows) {
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> clocks = new ArrayList<>();
        for (Row r : rows) {
            OffsetDateTime due = r.receivedAt().plusDays(7);
            cases.add(new Object[] {r.caseNumber(), "readmodel-" + r.caseNumber(), "LETTER", r.receivedAt(),
                    "Test Facility", ZONE, r.patientName(), "(generated row)", "NURSING", "en", r.classification(),
                    r.classification(), due, r.status(), r.closedAt(), r.receivedAt(), r.patientName(),
                    String.join(",", r.regimes()), r.department(), r.hcatCategory(), r.late()});
            for (String regime : r.regimes()) {
                clocks.add(new Object[] {r.caseNumber(), regime, "Test Facility", ZONE, "STANDARD", r.receivedAt(), due,
                        due, r.late(), "test", "test"});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO grievance_case (case_number, process_instance_id, channel, received_at, facility_name,
                  facility_zone, patient_name, complaint_text, service_area, preferred_language, suggested_classification,
                  classification, response_due_at, status, closed_at, created_at, patient_name_key, regimes, department,
                  hcat_category, late)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, LOWER(?), ?, ?, ?, ?)
                """, cases);
        jdbc.batchUpdate("""
                INSERT INTO case_clock (case_number, regime, owner_name, zone, kind, received_at, base_due_at,
                  binding_due_at, late, policy_citation, policy_source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, clocks);
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM case_clock WHERE case_number LIKE ?", prefix + "%");
        jdbc.update("DELETE FROM grievance_case WHERE case_number LIKE ?", prefix + "%");
    }
}
