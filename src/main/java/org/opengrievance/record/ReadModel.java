package org.opengrievance.record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read-model columns of {@code grievance_case} (V8). Each write also sets {@code updated_at}. The first
 * instant wins where a fact can be recorded more than once (several letters, an oral and a written notice).
 */
@Repository
class ReadModel {

    static final int SUMMARY_MAX = 4000;

    private final JdbcClient jdbc;

    ReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void registered(String caseNumber, String regimes, Instant now) {
        jdbc.sql("UPDATE grievance_case SET regimes = ?, updated_at = ? WHERE case_number = ?")
                .params(regimes, utc(now), caseNumber).update();
    }

    void department(String caseNumber, String department, Instant now) {
        jdbc.sql("UPDATE grievance_case SET department = ?, updated_at = ? WHERE case_number = ?")
                .params(department, utc(now), caseNumber).update();
    }

    /** HCAT coding; a null keeps what is recorded (the investigation returns what it coded). */
    void coded(String caseNumber, String category, String severity, String harmLevel, Instant now) {
        jdbc.sql("""
                UPDATE grievance_case SET hcat_category = COALESCE(:category, hcat_category),
                  hcat_severity = COALESCE(:severity, hcat_severity), harm_level = COALESCE(:harm, harm_level),
                  updated_at = :now WHERE case_number = :n
                """)
                .param("category", category).param("severity", severity).param("harm", harmLevel)
                .param("now", utc(now)).param("n", caseNumber).update();
    }

    /**
     * What the investigation handed back, in one write: its department and its coding; a null keeps what is
     * recorded (as {@link #department} and {@link #coded} one after the other would).
     */
    void returned(String caseNumber, String department, String category, String severity, String harmLevel,
            Instant now) {
        jdbc.sql("""
                UPDATE grievance_case SET department = COALESCE(:department, department),
                  hcat_category = COALESCE(:category, hcat_category),
                  hcat_severity = COALESCE(:severity, hcat_severity), harm_level = COALESCE(:harm, harm_level),
                  updated_at = :now WHERE case_number = :n
                """)
                .param("department", department).param("category", category).param("severity", severity)
                .param("harm", harmLevel).param("now", utc(now)).param("n", caseNumber).update();
    }

    /**
     * Expedited, extended and late, derived from the case's clocks (case_clock): late once a breach was recorded
     * or a clock stopped after its binding deadline (the response went late before the breach timer fired).
     */
    void clockFlags(String caseNumber, Instant now) {
        jdbc.sql("""
                UPDATE grievance_case SET
                  expedited = EXISTS (SELECT 1 FROM case_clock k WHERE k.case_number = grievance_case.case_number
                    AND k.kind = 'EXPEDITED'),
                  extended = EXISTS (SELECT 1 FROM case_clock k WHERE k.case_number = grievance_case.case_number
                    AND k.extension_days > 0),
                  late = EXISTS (SELECT 1 FROM case_clock k WHERE k.case_number = grievance_case.case_number
                    AND (k.late = TRUE OR k.stopped_at > k.binding_due_at)),
                  updated_at = :now
                WHERE case_number = :n
                """)
                .param("now", utc(now)).param("n", caseNumber).update();
    }

    /** The first acknowledgement, WRITTEN (the letter went) or ORAL. */
    void acknowledged(String caseNumber, String mode, OffsetDateTime at, Instant now) {
        jdbc.sql("""
                UPDATE grievance_case SET acknowledged_at = :at, acknowledgement_mode = :mode, updated_at = :now
                WHERE case_number = :n AND (acknowledged_at IS NULL OR acknowledged_at > :at)
                """)
                .param("at", at).param("mode", mode).param("now", utc(now)).param("n", caseNumber).update();
    }

    void writtenResponse(String caseNumber, OffsetDateTime at, Instant now) {
        jdbc.sql("""
                UPDATE grievance_case SET written_response_at = :at, updated_at = :now
                WHERE case_number = :n AND (written_response_at IS NULL OR written_response_at > :at)
                """)
                .param("at", at).param("now", utc(now)).param("n", caseNumber).update();
    }

    void oralResponse(String caseNumber, OffsetDateTime at, Instant now) {
        jdbc.sql("""
                UPDATE grievance_case SET oral_response_at = :at, updated_at = :now
                WHERE case_number = :n AND (oral_response_at IS NULL OR oral_response_at > :at)
                """)
                .param("at", at).param("now", utc(now)).param("n", caseNumber).update();
    }

    /** The decision: the approved written response (or a complaint resolved at the point of care), and its text. */
    void resolved(String caseNumber, Instant at, String summary) {
        jdbc.sql("""
                UPDATE grievance_case SET resolved_at = :at, resolution_summary = :summary, updated_at = :at
                WHERE case_number = :n
                """)
                .param("at", utc(at)).param("summary", cut(summary)).param("n", caseNumber).update();
    }

    void withdrawn(String caseNumber, Instant at) {
        jdbc.sql("UPDATE grievance_case SET withdrawn_at = ?, updated_at = ? WHERE case_number = ?")
                .params(utc(at), utc(at), caseNumber).update();
    }

    private static String cut(String s) {
        return s == null || s.length() <= SUMMARY_MAX ? s : s.substring(0, SUMMARY_MAX);
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
