package org.opengrievance.trends;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.opengrievance.config.PlanProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the cases (and clocks) the figures count from the read model: grievance_case and case_clock, never
 * Camunda's tables. The database narrows by instant (a day wider than the months, for any zone); the month
 * itself is the case's own (facility_zone), which Java decides, the same on H2 and PostgreSQL.
 */
@Repository
class TrendCases {

    /** The case columns and its owner: a case with a hospital clock is the hospital's, else the plan's. */
    private static final String CASE_COLUMNS = """
            g.case_number, g.received_at, g.facility_zone, g.facility_name, g.classification, g.route, g.department,
              g.hcat_category, g.hcat_severity, g.harm_level, g.channel, g.status, g.written_response_at, g.closed_at,
              CASE WHEN EXISTS (SELECT 1 FROM case_clock h WHERE h.case_number = g.case_number
                AND h.regime = 'HOSPITAL_COP') THEN 1 ELSE 0 END AS hospital_clock,
              (SELECT MIN(p.owner_name) FROM case_clock p WHERE p.case_number = g.case_number
                AND p.regime <> 'HOSPITAL_COP') AS plan_name""";

    private final JdbcClient jdbc;
    private final PlanProperties plan;

    TrendCases(JdbcClient jdbc, PlanProperties plan) {
        this.jdbc = jdbc;
        this.plan = plan;
    }

    /** The cases received in the months from..to, each month in the case's own zone. */
    List<TrendCase> received(YearMonth from, YearMonth to) {
        return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM grievance_case g"
                        + " WHERE g.received_at >= :lo AND g.received_at < :hi ORDER BY g.received_at, g.case_number")
                .params(Map.of("lo", lower(from), "hi", upper(to)))
                .query((rs, i) -> trendCase(rs)).list().stream()
                .filter(c -> !c.month().isBefore(from) && !c.month().isAfter(to))
                .toList();
    }

    /** The clocks whose binding deadline falls in the months from..to, each month in the clock's zone. */
    List<TrendClock> due(YearMonth from, YearMonth to) {
        return jdbc.sql("SELECT k.regime, k.zone AS clock_zone, k.binding_due_at, k.late AS clock_late, k.stopped_at,"
                        + " k.extension_days, " + CASE_COLUMNS
                        + " FROM case_clock k JOIN grievance_case g ON g.case_number = k.case_number"
                        + " WHERE k.binding_due_at >= :lo AND k.binding_due_at < :hi ORDER BY k.binding_due_at, g.case_number")
                .params(Map.of("lo", lower(from), "hi", upper(to)))
                .query((rs, i) -> new TrendClock(trendCase(rs), rs.getString("regime"), ZoneId.of(rs.getString("clock_zone")),
                        instant(rs, "binding_due_at"), rs.getBoolean("clock_late"), instant(rs, "stopped_at"),
                        rs.getInt("extension_days")))
                .list().stream()
                .filter(k -> !k.month().isBefore(from) && !k.month().isAfter(to))
                .toList();
    }

    /** The hospital facilities (facility_name of hospital cases) and plans (plan clocks' owner) the read model knows. */
    List<Facility> facilities() {
        return jdbc.sql("""
                SELECT DISTINCT g.facility_name AS name, 'HOSPITAL' AS owner FROM grievance_case g
                WHERE EXISTS (SELECT 1 FROM case_clock h WHERE h.case_number = g.case_number AND h.regime = 'HOSPITAL_COP')
                UNION
                SELECT DISTINCT p.owner_name AS name, 'PLAN' AS owner FROM case_clock p
                WHERE p.regime <> 'HOSPITAL_COP' AND NOT EXISTS (SELECT 1 FROM case_clock h
                  WHERE h.case_number = p.case_number AND h.regime = 'HOSPITAL_COP')
                """).query((rs, i) -> new Facility(rs.getString("name"), rs.getString("owner"))).list();
    }

    /** The investigating departments (codes) the read model knows. */
    List<String> departments() {
        return jdbc.sql("SELECT DISTINCT department FROM grievance_case WHERE department IS NOT NULL")
                .query(String.class).list();
    }

    private TrendCase trendCase(ResultSet rs) throws SQLException {
        boolean hospital = rs.getInt("hospital_clock") == 1 || rs.getString("plan_name") == null;
        String facility = hospital ? rs.getString("facility_name") : rs.getString("plan_name");
        return new TrendCase(rs.getString("case_number"), ZoneId.of(rs.getString("facility_zone")),
                instant(rs, "received_at"), hospital ? TrendCase.HOSPITAL : TrendCase.PLAN,
                facility == null ? plan.name() : facility, rs.getString("classification"), rs.getString("route"),
                rs.getString("department"), rs.getString("hcat_category"), rs.getString("hcat_severity"),
                rs.getString("harm_level"), rs.getString("channel"), rs.getString("status"),
                instant(rs, "written_response_at"), instant(rs, "closed_at"));
    }

    /** A day before the first month's start in UTC: no zone is more than 14 hours ahead of UTC. */
    private static OffsetDateTime lower(YearMonth from) {
        return from.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusDays(1);
    }

    /** A day after the last month's end in UTC: no zone is more than 12 hours behind UTC. */
    private static OffsetDateTime upper(YearMonth to) {
        return to.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC).plusDays(1);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A facility or plan name with its owner kind. */
    record Facility(String name, String owner) {
    }
}
