package org.opengrievance.duplicates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The duplicate check's tables (V14): {@code duplicate_candidate}, the open cases listed for a new contact, and
 * the decision columns of {@code grievance_case}. Runs in the engine's transaction.
 */
@Repository
class DuplicateRepository {

    static final String NEW = "NEW";
    static final String ATTACHED = "ATTACHED";

    /** A case of the same patient that may still take a new issue line. */
    record OpenCase(String caseNumber, OffsetDateTime receivedAt, String complaintText, String regimes) {
    }

    /** The new contact as registered: who, when, under which regimes. */
    record Contact(String caseNumber, String patientNameKey, String memberId, Instant receivedAt, ZoneId zone,
            String complaintText, String regimes) {
    }

    record Decision(String decision, String attachedTo, String decidedBy, OffsetDateTime decidedAt) {
    }

    private final JdbcClient jdbc;

    DuplicateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Contact> contact(String caseNumber) {
        return jdbc.sql("""
                SELECT case_number, patient_name_key, member_id, received_at, facility_zone, complaint_text, regimes
                FROM grievance_case WHERE case_number = ?
                """).param(caseNumber)
                .query((rs, i) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), ZoneId.of(rs.getString(5)),
                        rs.getString(6), rs.getString(7)))
                .optional();
    }

    /**
     * Open cases of the contact's patient (the same normalised name, or the same member id when the contact has
     * one) received between {@code from} and {@code to}: not closed, their response not yet approved (a new issue
     * could no longer be answered in it), and not waiting at a duplicate check of their own (it might itself be
     * attached elsewhere).
     */
    List<OpenCase> openCasesOfPatient(Contact c, Instant from, Instant to) {
        String patient = c.memberId() == null ? "g.patient_name_key = :name"
                : "(g.patient_name_key = :name OR g.member_id = :memberId)";
        var sql = jdbc.sql("""
                SELECT g.case_number, g.received_at, g.complaint_text, g.regimes, g.facility_zone FROM grievance_case g
                WHERE g.case_number <> :self AND g.status = 'OPEN' AND g.resolved_at IS NULL
                  AND g.received_at >= :from AND g.received_at <= :to AND %s
                  AND NOT (g.duplicate_decision IS NULL
                    AND EXISTS (SELECT 1 FROM duplicate_candidate d WHERE d.case_number = g.case_number))
                ORDER BY g.received_at, g.case_number
                """.formatted(patient))
                .param("self", c.caseNumber()).param("name", c.patientNameKey())
                .param("from", utc(from)).param("to", utc(to));
        if (c.memberId() != null) {
            sql = sql.param("memberId", c.memberId());
        }
        return sql.query((rs, i) -> new OpenCase(rs.getString(1),
                rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(ZoneId.of(rs.getString(5))).toOffsetDateTime(),
                rs.getString(3), rs.getString(4))).list();
    }

    void list(String caseNumber, List<DuplicateCandidate> candidates, Instant at) {
        for (DuplicateCandidate d : candidates) {
            jdbc.sql("""
                    INSERT INTO duplicate_candidate (case_number, candidate_case_number, similarity, listed_at)
                    VALUES (?, ?, ?, ?)
                    """)
                    .params(caseNumber, d.caseNumber(), BigDecimal.valueOf(d.similarity()).setScale(4, RoundingMode.HALF_UP),
                            utc(at))
                    .update();
        }
    }

    /** The candidates listed for a contact, most alike first, with what the form showed of each. */
    List<DuplicateCandidate> listed(String caseNumber) {
        return jdbc.sql("""
                SELECT g.case_number, g.received_at, g.facility_zone, g.complaint_text, d.similarity
                FROM duplicate_candidate d JOIN grievance_case g ON g.case_number = d.candidate_case_number
                WHERE d.case_number = ? ORDER BY d.similarity DESC, g.case_number
                """).param(caseNumber)
                .query((rs, i) -> new DuplicateCandidate(rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(ZoneId.of(rs.getString(3)))
                                .toOffsetDateTime(),
                        DuplicateCandidate.excerpt(rs.getString(4)), rs.getBigDecimal(5).doubleValue()))
                .list();
    }

    void decided(String caseNumber, String decision, String attachedTo, String by, Instant at) {
        jdbc.sql("""
                UPDATE grievance_case SET duplicate_decision = :d, attached_to = :to, duplicate_decided_by = :by,
                  duplicate_decided_at = :at WHERE case_number = :n
                """)
                .param("d", decision).param("to", attachedTo).param("by", by).param("at", utc(at))
                .param("n", caseNumber).update();
    }

    Optional<Decision> decision(String caseNumber) {
        return jdbc.sql("""
                SELECT duplicate_decision, attached_to, duplicate_decided_by, duplicate_decided_at, facility_zone
                FROM grievance_case WHERE case_number = ? AND duplicate_decision IS NOT NULL
                """).param(caseNumber)
                .query((rs, i) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(ZoneId.of(rs.getString(5)))
                                .toOffsetDateTime()))
                .optional();
    }

    /** The open case's status now, and whether its response was approved: may it still take an issue line? */
    boolean stillOpen(String caseNumber) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM grievance_case WHERE case_number = ? AND status = 'OPEN' AND resolved_at IS NULL
                """).param(caseNumber).query(Long.class).single() == 1;
    }

    String processInstanceId(String caseNumber) {
        return jdbc.sql("SELECT process_instance_id FROM grievance_case WHERE case_number = ?").param(caseNumber)
                .query(String.class).single();
    }

    boolean exists(String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM grievance_case WHERE case_number = ?").param(caseNumber)
                .query(Long.class).single() == 1;
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
