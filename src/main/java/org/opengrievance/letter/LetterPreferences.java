package org.opengrievance.letter;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a patient or enrollee wants letters: large print on request (an auxiliary aid, Section 1557 and the ADA).
 * One row per case in {@code letter_preference}, set by intake or patient relations; every letter the case
 * sends afterwards is printed at 18 pt, and records that it was.
 */
@Service
public class LetterPreferences {

    /** The preference, and who set it when (null when never set: standard print). */
    public record Preference(boolean largePrint, OffsetDateTime updatedAt, String updatedBy) {
    }

    private final JdbcClient jdbc;
    private final GrievanceCaseRepository cases;
    private final Clock clock;

    LetterPreferences(JdbcClient jdbc, GrievanceCaseRepository cases, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
    }

    /** Whether the case's letters are printed large. */
    public boolean largePrint(String caseNumber) {
        return find(caseNumber).map(Preference::largePrint).orElse(false);
    }

    /**
     * @throws CaseNotFoundException when there is no such case
     */
    public Preference of(String caseNumber) {
        cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        return find(caseNumber).orElse(new Preference(false, null, null));
    }

    /**
     * Records the choice (joins the caller's transaction).
     *
     * @throws CaseNotFoundException when there is no such case
     */
    @Transactional
    public Preference set(String caseNumber, boolean largePrint, String by) {
        cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE letter_preference SET large_print = :lp, updated_at = :at, updated_by = :by "
                        + "WHERE case_number = :cn")
                .param("lp", largePrint).param("at", now).param("by", by).param("cn", caseNumber).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO letter_preference (case_number, large_print, updated_at, updated_by) "
                            + "VALUES (:cn, :lp, :at, :by)")
                    .param("cn", caseNumber).param("lp", largePrint).param("at", now).param("by", by).update();
        }
        return find(caseNumber).orElseThrow();
    }

    private Optional<Preference> find(String caseNumber) {
        return jdbc.sql("SELECT large_print, updated_at, updated_by FROM letter_preference WHERE case_number = ?")
                .param(caseNumber)
                .query((rs, i) -> new Preference(rs.getBoolean("large_print"),
                        rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by")))
                .optional();
    }
}
