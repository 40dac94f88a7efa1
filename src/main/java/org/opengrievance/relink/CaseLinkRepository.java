package org.opengrievance.relink;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code case_link} (V13). Runs inside the caller's, and so the engine's, transaction. */
@Repository
class CaseLinkRepository {

    private final JdbcClient jdbc;

    CaseLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String fromCase, String toCase, LinkKind kind, Track classification, String reason,
            OffsetDateTime originalReceivedAt, OffsetDateTime requestedAt, boolean atRisk, String actor,
            OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO case_link (from_case, to_case, kind, classification, reason, original_received_at,
                  requested_at, at_risk, actor, linked_at)
                VALUES (:from, :to, :kind, :classification, :reason, :original, :requested, :atRisk, :actor, :at)
                """)
                .param("from", fromCase).param("to", toCase).param("kind", kind.name())
                .param("classification", classification.name()).param("reason", reason)
                .param("original", originalReceivedAt).param("requested", requestedAt).param("atRisk", atRisk)
                .param("actor", actor).param("at", at)
                .update();
    }

    /** Every link the case is part of, either end, oldest first; instants in {@code zone}. */
    List<CaseLink> of(String caseNumber, ZoneId zone) {
        return jdbc.sql("SELECT * FROM case_link WHERE from_case = :n OR to_case = :n ORDER BY id")
                .param("n", caseNumber).query((rs, i) -> map(rs, zone)).list();
    }

    /** The link the case came from, if it arose from another case. */
    Optional<CaseLink> origin(String caseNumber, ZoneId zone) {
        return jdbc.sql("SELECT * FROM case_link WHERE to_case = ?").param(caseNumber)
                .query((rs, i) -> map(rs, zone)).optional();
    }

    /** The links that started from the case with this kind, oldest first. */
    List<CaseLink> from(String caseNumber, LinkKind kind, ZoneId zone) {
        return jdbc.sql("SELECT * FROM case_link WHERE from_case = ? AND kind = ? ORDER BY id")
                .params(caseNumber, kind.name()).query((rs, i) -> map(rs, zone)).list();
    }

    private static CaseLink map(ResultSet rs, ZoneId zone) throws SQLException {
        return new CaseLink(rs.getLong("id"), rs.getString("from_case"), rs.getString("to_case"),
                LinkKind.valueOf(rs.getString("kind")), Track.valueOf(rs.getString("classification")),
                rs.getString("reason"), time(rs, "original_received_at", zone), time(rs, "requested_at", zone),
                rs.getBoolean("at_risk"), rs.getString("actor"), time(rs, "linked_at", zone));
    }

    private static OffsetDateTime time(ResultSet rs, String column, ZoneId zone) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
