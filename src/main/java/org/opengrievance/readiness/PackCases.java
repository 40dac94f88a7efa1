package org.opengrievance.readiness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The cases a pack covers and their late clocks and breach reviews, from our own tables (grievance_case,
 * case_clock, case_event): cases of the facility received within the range in the facility's zone.
 */
@Repository
class PackCases {

    /** A clock that missed its deadline (case_clock.late). */
    record LateClock(String caseNumber, String regime, String owner, ZoneId zone, Instant receivedAt,
            Instant dueAt, Instant lateAt, Instant stoppedAt, String status) {
    }

    /** A completed "Deadline missed" review (case_event TASK_COMPLETED of reviewMissedDeadline). */
    record Review(String caseNumber, String actor, Instant at, String detail) {
    }

    static final String REVIEW_TASK = "reviewMissedDeadline";

    private final JdbcClient jdbc;

    PackCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any case names this facility (a facility renamed since still has its cases). */
    boolean knownFacility(String facility) {
        return jdbc.sql("SELECT COUNT(*) FROM grievance_case WHERE facility_name = ?").param(facility)
                .query(Long.class).single() > 0;
    }

    List<String> caseNumbers(String facility, OffsetDateTime from, OffsetDateTime toExclusive) {
        return jdbc.sql("""
                SELECT case_number FROM grievance_case
                WHERE facility_name = :f AND received_at >= :lo AND received_at < :hi ORDER BY received_at, case_number
                """).param("f", facility).param("lo", from).param("hi", toExclusive)
                .query(String.class).list();
    }

    List<LateClock> lateClocks(String facility, OffsetDateTime from, OffsetDateTime toExclusive) {
        return jdbc.sql("""
                SELECT cc.case_number, cc.regime, cc.owner_name, cc.zone, cc.received_at, cc.binding_due_at,
                  cc.late_at, cc.stopped_at, gc.status
                FROM case_clock cc JOIN grievance_case gc ON gc.case_number = cc.case_number
                WHERE gc.facility_name = :f AND gc.received_at >= :lo AND gc.received_at < :hi AND cc.late = TRUE
                ORDER BY gc.received_at, cc.case_number, cc.regime
                """).param("f", facility).param("lo", from).param("hi", toExclusive)
                .query(PackCases::lateClock).list();
    }

    List<Review> reviews(List<String> caseNumbers) {
        if (caseNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT case_number, actor, occurred_at, detail FROM case_event
                WHERE kind = 'TASK_COMPLETED' AND subject = :task AND case_number IN (:cases) ORDER BY occurred_at, id
                """).param("task", REVIEW_TASK).param("cases", caseNumbers)
                .query((rs, i) -> new Review(rs.getString("case_number"), rs.getString("actor"),
                        instant(rs, "occurred_at"), rs.getString("detail")))
                .list();
    }

    private static LateClock lateClock(ResultSet rs, int i) throws SQLException {
        return new LateClock(rs.getString("case_number"), rs.getString("regime"), rs.getString("owner_name"),
                ZoneId.of(rs.getString("zone")), instant(rs, "received_at"), instant(rs, "binding_due_at"),
                instant(rs, "late_at"), instant(rs, "stopped_at"), rs.getString("status"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
