package org.opengrievance.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the PHI access log (phi_access_log) for the auditor's search and export; newest first. */
@Repository
class AccessLogRepository {

    /** One row as the auditor sees it: the instant in UTC and in the facility's zone. */
    record Entry(long id, OffsetDateTime accessedAt, OffsetDateTime accessedAtLocal, String actor, String surface,
            String action, String caseNumber, String exportName, String parameters) {
    }

    private static final String COLUMNS = "id, accessed_at, actor, surface, action, case_number, export_name, parameters";

    private final JdbcClient jdbc;

    AccessLogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count(AccessLogFilter filter, ZoneId zone) {
        Where where = where(filter, zone);
        return jdbc.sql("SELECT COUNT(*) FROM phi_access_log" + where.sql).params(where.params).query(Long.class).single();
    }

    List<Entry> page(AccessLogFilter filter, ZoneId zone, int page, int size) {
        Where where = where(filter, zone);
        List<Object> params = new ArrayList<>(where.params);
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("SELECT " + COLUMNS + " FROM phi_access_log" + where.sql
                        + " ORDER BY accessed_at DESC, id DESC LIMIT ? OFFSET ?")
                .params(params).query((rs, i) -> entry(rs, zone)).list();
    }

    /** Every row of the filter, newest first, handed one at a time (an export is not held in memory as a list). */
    void each(AccessLogFilter filter, ZoneId zone, Consumer<Entry> sink) {
        Where where = where(filter, zone);
        jdbc.sql("SELECT " + COLUMNS + " FROM phi_access_log" + where.sql + " ORDER BY accessed_at DESC, id DESC")
                .params(where.params).query(rs -> {
                    sink.accept(entry(rs, zone));
                });
    }

    private static Entry entry(ResultSet rs, ZoneId zone) throws SQLException {
        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC);
        return new Entry(rs.getLong(1), at, at.atZoneSameInstant(zone).toOffsetDateTime(), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }

    private record Where(String sql, List<Object> params) {
    }

    /** Bound parameters only; each filter is a column of one of the log's indexes (actor, case, time). */
    private static Where where(AccessLogFilter f, ZoneId zone) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.actor() != null) {
            conditions.add("actor = ?");
            params.add(f.actor());
        }
        if (f.caseNumber() != null) {
            conditions.add("case_number = ?");
            params.add(f.caseNumber());
        }
        if (f.surface() != null) {
            conditions.add("surface = ?");
            params.add(f.surface().name());
        }
        if (f.from() != null) {
            conditions.add("accessed_at >= ?");
            params.add(f.fromInstant(zone));
        }
        if (f.to() != null) {
            conditions.add("accessed_at < ?");
            params.add(f.toExclusive(zone));
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }
}
