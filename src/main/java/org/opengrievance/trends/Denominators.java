package org.opengrievance.trends;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The denominator entries of V17: append-only, the latest entry per month and facility is the one in force. */
@Repository
class Denominators {

    private final JdbcClient jdbc;

    Denominators(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void enter(Denominator d) {
        jdbc.sql("""
                INSERT INTO trend_denominator (period_month, facility_name, kind, amount, entered_by, entered_at)
                VALUES (:month, :facility, :kind, :amount, :by, :at)""")
                .param("month", d.month().toString()).param("facility", d.facility()).param("kind", d.kind())
                .param("amount", d.value()).param("by", d.enteredBy())
                .param("at", d.enteredAt().withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    /** The denominators in force for the months from..to, by month then facility. */
    List<Denominator> inForce(YearMonth from, YearMonth to) {
        // yyyy-MM sorts as text in month order
        return jdbc.sql("""
                SELECT d.period_month, d.facility_name, d.kind, d.amount, d.entered_by, d.entered_at
                FROM trend_denominator d
                WHERE d.period_month >= :from AND d.period_month <= :to
                  AND d.id = (SELECT MAX(l.id) FROM trend_denominator l
                              WHERE l.period_month = d.period_month AND l.facility_name = d.facility_name)
                ORDER BY d.period_month, d.facility_name""")
                .params(Map.of("from", from.toString(), "to", to.toString()))
                .query((rs, i) -> new Denominator(YearMonth.parse(rs.getString("period_month")),
                        rs.getString("facility_name"), rs.getString("kind"), rs.getLong("amount"),
                        rs.getString("entered_by"), rs.getObject("entered_at", OffsetDateTime.class)))
                .list();
    }
}
