package org.opengrievance.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengrievance.regime.Regime;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.SqlRecorder;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * With a few thousand closed grievances in the tables, every export reads our own tables and never one of the
 * engine's (no statement names an ACT_ table), in a handful of statements whatever the number of rows. The rows
 * are inserted straight into our tables (what the engine would have written is not the point here), in 2021,
 * a year no other test's intake can reach (three years' look-back), with case numbers of their own; they are
 * deleted afterwards. The row count and the time are printed, as a figure, not asserted.
 */
@GrievanceAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportReadsOnlyOurTablesTests {

    static final int CASES = 3000;
    static final String PREFIX = "BLK-2021-";
    static final ReceiptRange YEAR = new ReceiptRange(LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31"));
    static final Regime[] REGIMES = {Regime.HOSPITAL_COP, Regime.MEDICARE_ADVANTAGE, Regime.PART_D};
    static final Pattern ENGINE_TABLE = Pattern.compile("\\bACT_", Pattern.CASE_INSENSITIVE);

    @Autowired JdbcTemplate jdbc;
    @Autowired ExportService exports;

    @BeforeAll
    void insertClosedGrievances() {
        deleteThem();
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> clocks = new ArrayList<>();
        List<Object[]> classifications = new ArrayList<>();
        List<Object[]> letters = new ArrayList<>();
        List<Object[]> notifications = new ArrayList<>();
        Instant start = Instant.parse("2021-01-01T15:00:00Z");
        for (int i = 0; i < CASES; i++) {
            String n = PREFIX + String.format(Locale.ROOT, "%06d", i);
            Regime regime = REGIMES[i % REGIMES.length];
            Instant received = start.plusSeconds(i * 10_400L); // spread over the year
            Instant due = received.plusSeconds(7 * 86_400L);
            Instant sent = received.plusSeconds((2 + i % 9) * 86_400L);
            cases.add(new Object[] {n, "bulk-export-" + i, "LETTER", utc(received), "Mercy General Hospital",
                    "America/Chicago", "Bulk Patient" + i, "A generated complaint.", "OTHER", "en", "GRIEVANCE",
                    "GRIEVANCE", "CMS-HOSP-2(c)", utc(due), "CLOSED", "RESOLVED", utc(sent.plusSeconds(3600)), utc(received),
                    "bulk patient" + i, "1EG4TE5MK73"});
            clocks.add(new Object[] {n, regime.name(), regime.isPlan() ? "Prairie Health Plan" : "Mercy General Hospital",
                    "America/Chicago", "STANDARD", utc(received), utc(due), utc(due), utc(sent), "42 CFR", "test"});
            classifications.add(new Object[] {n, "CONFIRMED", "GRIEVANCE", "confirmed", utc(received)});
            letters.add(new Object[] {n, "RESOLUTION", regime.name(), "en", "test", new byte[] {1}, "0".repeat(64),
                    "SENT", utc(sent), "secdirector", utc(sent), utc(sent), "MAIL"});
            notifications.add(new Object[] {n, "ACKNOWLEDGEMENT", "ORAL", "PHONE", utc(received.plusSeconds(600))});
            notifications.add(new Object[] {n, "RESOLUTION", "WRITTEN", "MAIL", utc(sent)});
        }
        jdbc.batchUpdate("""
                INSERT INTO grievance_case (case_number, process_instance_id, channel, received_at, facility_name,
                  facility_zone, patient_name, complaint_text, service_area, preferred_language, suggested_classification,
                  classification, classification_rule, response_due_at, status, closure_reason, closed_at, created_at,
                  patient_name_key, member_id, medicare_beneficiary)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE)
                """, cases);
        jdbc.batchUpdate("""
                INSERT INTO case_clock (case_number, regime, owner_name, zone, kind, received_at, base_due_at,
                  binding_due_at, stopped_at, policy_citation, policy_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, clocks);
        jdbc.batchUpdate("""
                INSERT INTO classification_event (case_number, kind, classification, reason, recorded_at)
                VALUES (?, ?, ?, ?, ?)
                """, classifications);
        jdbc.batchUpdate("""
                INSERT INTO letter (case_number, kind, regime, language, template_version, pdf, sha256, status,
                  generated_at, approved_by, approved_at, sent_at, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, letters);
        jdbc.batchUpdate("""
                INSERT INTO notification_event (case_number, kind, mode, channel, notified_at, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """, notifications.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[4]}).toList());
    }

    @AfterAll
    void deleteThem() {
        String like = PREFIX + "%";
        for (String table : List.of("notification_event", "letter", "classification_event", "clock_event", "case_clock",
                "grievance_case")) {
            jdbc.update("DELETE FROM " + table + " WHERE case_number LIKE ?", like);
        }
    }

    @ParameterizedTest
    @EnumSource(ExportName.class)
    void theExportReadsOnlyOurTablesInAFewStatements(ExportName name) {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                Role.AUDITOR.userId(), null, List.of(new SimpleGrantedAuthority("auditor"))));
        try {
            long began = System.nanoTime();
            SqlRecorder.Recorded<byte[]> run = SqlRecorder.record(
                    () -> CsvWriter.write(exports.export(name, YEAR, ExportFormat.CSV).table()));
            long millis = (System.nanoTime() - began) / 1_000_000;
            List<String> lines = new String(run.result(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            System.out.printf(Locale.ROOT, "export %s: %d rows (%d generated grievances in the tables) in %d ms, %d SQL statements%n",
                    name.path(), lines.size() - 1, CASES, millis, run.statements().size());

            assertThat(run.statements()).as("the SQL the export issued").isNotEmpty()
                    .anyMatch(sql -> sql.toLowerCase(Locale.ROOT).contains("grievance_case"))
                    .noneMatch(sql -> ENGINE_TABLE.matcher(sql).find());
            // one statement per table read, and the access log's insert: not one per row
            assertThat(run.statements()).hasSizeLessThanOrEqualTo(6);
            if (name == ExportName.TIMELINESS) {
                assertThat(lines).hasSize(1 + 12 * REGIMES.length);
                assertThat(lines.stream().skip(1).mapToInt(l -> Integer.parseInt(l.split(",")[2])).sum()).isEqualTo(CASES);
            } else {
                assertThat(lines.stream().filter(l -> l.contains(PREFIX)).count()).isEqualTo(CASES / REGIMES.length);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
