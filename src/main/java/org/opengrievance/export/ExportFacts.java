package org.opengrievance.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opengrievance.regime.Regime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what the exports need from our own tables only (grievance_case, case_clock, letter,
 * notification_event, classification_event): four statements per export, whatever its size, and never a
 * table of the engine (Camunda's history can be cleaned up; these tables are the record).
 */
@Repository
class ExportFacts {

    /** The clocks whose receipt lies near the range: the rows' own zones narrow it (ReceiptRange). */
    private static final String CLOCKS = """
            SELECT cc.case_number FROM case_clock cc
            WHERE cc.regime IN (:regimes) AND cc.received_at >= :lo AND cc.received_at < :hi
            """;

    private final JdbcClient jdbc;

    ExportFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry per grievance and regime, received (by its clock) within the range, oldest receipt first. */
    List<GrievanceFacts> grievances(List<Regime> regimes, ReceiptRange range) {
        Map<String, Object> p = Map.of("regimes", regimes.stream().map(Enum::name).toList(),
                "lo", utc(range.lowerBound()), "hi", utc(range.upperBound()));
        Map<String, List<LetterRow>> letters = group(jdbc.sql("""
                SELECT l.case_number, l.kind, l.regime, l.approved_at, l.sent_at, l.channel
                FROM letter l WHERE l.kind IN ('RESOLUTION', 'EXTENSION') AND l.case_number IN (""" + CLOCKS + ")")
                .params(p).query(ExportFacts::letter).list(), LetterRow::caseNumber);
        Map<String, List<NoticeRow>> notices = group(jdbc.sql("""
                SELECT n.case_number, n.kind, n.mode, n.notified_at FROM notification_event n
                WHERE n.kind IN ('ACKNOWLEDGEMENT', 'RESOLUTION') AND n.case_number IN (""" + CLOCKS + ")")
                .params(p).query(ExportFacts::notice).list(), NoticeRow::caseNumber);
        Map<String, List<DecisionRow>> decisions = group(jdbc.sql("""
                SELECT e.case_number, e.kind, e.recorded_at FROM classification_event e
                WHERE e.kind IN ('CONFIRMED', 'OVERRIDDEN') AND e.case_number IN (""" + CLOCKS + ")")
                .params(p).query(ExportFacts::decision).list(), DecisionRow::caseNumber);
        return jdbc.sql("""
                SELECT gc.case_number, gc.channel, gc.facility_name, gc.patient_name, gc.complaint_text,
                  gc.service_area, gc.classification, gc.classification_rule, gc.status, gc.closure_reason,
                  gc.closed_at, gc.member_id, gc.quality_of_care, gc.requester, gc.resolution_summary,
                  cc.regime, cc.owner_name, cc.zone, cc.kind, cc.received_at, cc.binding_due_at, cc.interim_sent_at,
                  cc.extension_days, cc.extension_requested_by, cc.expedite_trigger, cc.late
                FROM case_clock cc JOIN grievance_case gc ON gc.case_number = cc.case_number
                WHERE cc.regime IN (:regimes) AND cc.received_at >= :lo AND cc.received_at < :hi
                  AND gc.classification = 'GRIEVANCE'
                ORDER BY cc.received_at, gc.case_number, cc.regime
                """)
                .params(p)
                .query((rs, i) -> facts(rs, letters, notices, decisions))
                .list().stream()
                .filter(f -> range.contains(f.receiptDate()))
                .toList();
    }

    private static GrievanceFacts facts(ResultSet rs, Map<String, List<LetterRow>> letters,
            Map<String, List<NoticeRow>> notices, Map<String, List<DecisionRow>> decisions) throws SQLException {
        String n = rs.getString("case_number");
        String regime = rs.getString("regime");
        List<LetterRow> own = letters.getOrDefault(n, List.of()).stream().filter(l -> regime.equals(l.regime())).toList();
        List<NoticeRow> told = notices.getOrDefault(n, List.of());
        DecisionRow decision = decisions.getOrDefault(n, List.of()).stream()
                .max(Comparator.comparing(DecisionRow::at)).orElse(null);
        NoticeRow acknowledgement = first(told, "ACKNOWLEDGEMENT", null);
        NoticeRow oralResolution = first(told, "RESOLUTION", "ORAL");
        return new GrievanceFacts(n, regime, ZoneId.of(rs.getString("zone")), instant(rs, "received_at"),
                rs.getString("owner_name"), rs.getString("channel"), rs.getString("facility_name"),
                rs.getString("patient_name"), rs.getString("complaint_text"), rs.getString("service_area"),
                rs.getString("classification"), rs.getString("classification_rule"),
                decision == null ? null : decision.kind(),
                rs.getString("status"), rs.getString("closure_reason"), instant(rs, "closed_at"),
                rs.getString("member_id"), rs.getBoolean("quality_of_care"), rs.getString("requester"),
                rs.getString("resolution_summary"), "EXPEDITED".equals(rs.getString("kind")),
                rs.getString("expedite_trigger"), instant(rs, "binding_due_at"), instant(rs, "interim_sent_at"),
                rs.getInt("extension_days"), rs.getString("extension_requested_by"), rs.getBoolean("late"), latest(own, "RESOLUTION"), latest(own, "EXTENSION"),
                acknowledgement == null ? null : acknowledgement.at(),
                acknowledgement == null ? null : acknowledgement.mode(),
                oralResolution == null ? null : oralResolution.at());
    }

    /** The regime's letter of that kind (the latest approved, should there be more than one). */
    private static GrievanceFacts.Letter latest(List<LetterRow> letters, String kind) {
        return letters.stream().filter(l -> kind.equals(l.kind()))
                .max(Comparator.comparing(l -> l.approvedAt() == null ? Instant.MIN : l.approvedAt()))
                .map(l -> new GrievanceFacts.Letter(l.approvedAt(), l.sentAt(), l.channel()))
                .orElse(null);
    }

    /** The earliest notification of that kind (and mode, when given). */
    private static NoticeRow first(List<NoticeRow> notices, String kind, String mode) {
        return notices.stream().filter(x -> kind.equals(x.kind()) && (mode == null || mode.equals(x.mode())))
                .min(Comparator.comparing(NoticeRow::at)).orElse(null);
    }

    private record LetterRow(String caseNumber, String kind, String regime, Instant approvedAt, Instant sentAt,
            String channel) {
    }

    private record NoticeRow(String caseNumber, String kind, String mode, Instant at) {
    }

    private record DecisionRow(String caseNumber, String kind, Instant at) {
    }

    private static LetterRow letter(ResultSet rs, int i) throws SQLException {
        return new LetterRow(rs.getString("case_number"), rs.getString("kind"), rs.getString("regime"),
                instant(rs, "approved_at"), instant(rs, "sent_at"), rs.getString("channel"));
    }

    private static NoticeRow notice(ResultSet rs, int i) throws SQLException {
        return new NoticeRow(rs.getString("case_number"), rs.getString("kind"), rs.getString("mode"),
                instant(rs, "notified_at"));
    }

    private static DecisionRow decision(ResultSet rs, int i) throws SQLException {
        return new DecisionRow(rs.getString("case_number"), rs.getString("kind"), instant(rs, "recorded_at"));
    }

    private static <T> Map<String, List<T>> group(List<T> rows, java.util.function.Function<T, String> key) {
        Map<String, List<T>> grouped = new HashMap<>();
        for (T row : rows) {
            grouped.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        return grouped;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
