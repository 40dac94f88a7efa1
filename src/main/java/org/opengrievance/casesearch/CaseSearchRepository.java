package org.opengrievance.casesearch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search over the read model: grievance_case, and case_clock for the regimes. Never Camunda's tables
 * (CaseSearchReadModelTests records the statements to prove it): every filter has an index of V8.
 */
@Repository
class CaseSearchRepository {

    private final JdbcClient jdbc;
    private final int countCap;

    CaseSearchRepository(JdbcClient jdbc, CaseSearchProperties properties) {
        this.jdbc = jdbc;
        this.countCap = properties.countCap();
    }

    CaseSearchPage search(CaseSearchQuery q, ZoneId facilityZone) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, facilityZone, params);
        // counted up to one past the cap: the database stops there instead of scanning every match
        params.put("countLimit", countCap + 1);
        long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS one FROM grievance_case g" + where
                + " LIMIT :countLimit) matches").params(params).query(Long.class).single();
        boolean capped = counted > countCap;
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        List<CaseSearchPage.CaseSearchRow> rows = jdbc.sql("""
                SELECT g.case_number, g.patient_name, g.received_at, g.facility_zone, g.classification, g.status,
                  g.late, g.hcat_category, g.department, g.response_due_at, g.closed_at, g.process_instance_id
                FROM grievance_case g""" + where + " ORDER BY g.received_at DESC, g.case_number DESC LIMIT :limit OFFSET :offset")
                .params(params).query((rs, i) -> row(rs, List.of())).list();
        return new CaseSearchPage(q.page(), q.size(), capped ? countCap : counted, capped, withRegimes(rows));
    }

    private static String where(CaseSearchQuery q, ZoneId zone, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (q.caseNumber() != null) {
            conditions.add("g.case_number LIKE :caseNumber ESCAPE '\\'");
            params.put("caseNumber", likeEscaped(q.caseNumber()) + "%");
        }
        if (q.patientName() != null) {
            // patient_name_key is the lower-cased name (V8); the database lower-cases the search the same way
            conditions.add("g.patient_name_key LIKE LOWER(:patientName) ESCAPE '\\'");
            params.put("patientName", "%" + likeEscaped(q.patientName()) + "%");
        }
        if (q.receivedFrom() != null) {
            // a day is the facility's day: receipt dates are what the regulations count from (E10)
            conditions.add("g.received_at >= :receivedFrom");
            params.put("receivedFrom", startOf(q.receivedFrom(), zone));
        }
        if (q.receivedTo() != null) {
            conditions.add("g.received_at < :receivedBefore");
            params.put("receivedBefore", startOf(q.receivedTo().plusDays(1), zone));
        }
        if (q.regime() != null) {
            conditions.add("EXISTS (SELECT 1 FROM case_clock k WHERE k.case_number = g.case_number AND k.regime = :regime)");
            params.put("regime", q.regime().name());
        }
        equal(conditions, params, "classification", "g.classification", q.classification());
        equal(conditions, params, "status", "g.status", q.status());
        equal(conditions, params, "late", "g.late", q.late());
        equal(conditions, params, "hcatCategory", "g.hcat_category", q.hcatCategory());
        equal(conditions, params, "department", "g.department", q.department());
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static void equal(List<String> conditions, Map<String, Object> params, String name, String column,
            Object value) {
        if (value != null) {
            conditions.add(column + " = :" + name);
            params.put(name, value);
        }
    }

    private static OffsetDateTime startOf(java.time.LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The text searched for literally: LIKE's wildcards and the escape character lose their meaning. */
    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The regimes of the listed cases, one statement for the page. */
    private List<CaseSearchPage.CaseSearchRow> withRegimes(List<CaseSearchPage.CaseSearchRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, List<String>> regimes = new LinkedHashMap<>();
        jdbc.sql("SELECT case_number, regime FROM case_clock WHERE case_number IN (:numbers) ORDER BY case_number, regime")
                .param("numbers", rows.stream().map(CaseSearchPage.CaseSearchRow::caseNumber).toList())
                .query((rs, i) -> regimes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        return rows.stream().map(r -> new CaseSearchPage.CaseSearchRow(r.caseNumber(), r.patientName(), r.receivedAt(),
                List.copyOf(regimes.getOrDefault(r.caseNumber(), List.of())), r.classification(), r.status(),
                r.late(), r.hcatCategory(), r.department(), r.responseDueAt(), r.closedAt(), r.processInstanceId()))
                .toList();
    }

    private static CaseSearchPage.CaseSearchRow row(ResultSet rs, List<String> regimes) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("facility_zone"));
        return new CaseSearchPage.CaseSearchRow(rs.getString("case_number"), rs.getString("patient_name"),
                time(rs, "received_at", zone), regimes, rs.getString("classification"), rs.getString("status"),
                rs.getBoolean("late"), rs.getString("hcat_category"), rs.getString("department"),
                time(rs, "response_due_at", zone), time(rs, "closed_at", zone), rs.getString("process_instance_id"));
    }

    /** Databases hand timestamps back in UTC or the session zone; show them in the facility's zone. */
    private static OffsetDateTime time(ResultSet rs, String column, ZoneId zone) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
