package org.opengrievance.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The cases the report lists one by one: late responses of the month, abuse or neglect allegations and
 * high-severity cases received in the month. From the read model, with the staff's own words from the engine's
 * history (the director's note of "Deadline missed: director review", the protective actions of the abuse
 * review), which the read model does not keep.
 */
@Component
class ReportCases {

    /** HCAT severity code of "3 – High" (the code-issue form). */
    static final String HIGH_SEVERITY = "3";
    static final String MISSED_DEADLINE_REVIEW = "reviewMissedDeadline";
    static final String LATE_NOTE = "directorReviewNote";
    static final String ABUSE_REVIEW = "reviewAbuseAllegation";
    static final String PROTECTIVE_ACTIONS = "protectiveActions";
    static final String STATE_REPORT_FILED = "stateReportFiled";

    private static final String COLUMNS = "case_number, department, hcat_category, hcat_severity, status, "
            + "closure_reason, facility_zone, received_at, response_due_at";

    private record Row(ReportCase c, ZoneId zone, Instant receivedAt, Instant dueAt) {
    }

    private final JdbcClient jdbc;
    private final HistoryService history;

    ReportCases(JdbcClient jdbc, HistoryService history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Cases whose written response was due in the month (in the case's zone) and that were late. */
    List<ReportCase> late(YearMonth month, String facility) {
        List<ReportCase> late = rows("late = TRUE AND response_due_at >= :from AND response_due_at < :to",
                month, facility).stream().filter(r -> inMonth(r.dueAt(), r.zone(), month)).map(Row::c).toList();
        Map<String, String> notes = notes(late, MISSED_DEADLINE_REVIEW, LATE_NOTE);
        return late.stream().map(c -> c.withNote(notes.getOrDefault(c.caseNumber(), "not reviewed yet"))).toList();
    }

    /** Cases received in the month whose complaint alleged abuse or neglect (the director's immediate review). */
    List<ReportCase> abuseOrNeglect(YearMonth month, String facility) {
        List<ReportCase> received = receivedIn(month, facility, null);
        if (received.isEmpty()) {
            return List.of();
        }
        Map<String, String> reviewed = new LinkedHashMap<>();
        Map<String, String> processOf = new LinkedHashMap<>();
        for (List<String> chunk : chunks(received.stream().map(ReportCase::caseNumber).toList())) {
            for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().taskDefinitionKey(ABUSE_REVIEW)
                    .processInstanceBusinessKeyIn(chunk.toArray(String[]::new)).list()) {
                String caseNumber = businessKey(t.getProcessInstanceId());
                reviewed.put(caseNumber, t.getEndTime() == null ? "review open" : null);
                processOf.put(t.getProcessInstanceId(), caseNumber);
            }
        }
        Map<String, String> protective = new LinkedHashMap<>();
        Map<String, String> reported = new LinkedHashMap<>();
        if (!processOf.isEmpty()) {
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(processOf.keySet().toArray(String[]::new))
                    .variableNameIn(PROTECTIVE_ACTIONS, STATE_REPORT_FILED).list()) {
                String caseNumber = processOf.get(v.getProcessInstanceId());
                if (PROTECTIVE_ACTIONS.equals(v.getName()) && text(v.getValue()) != null) {
                    protective.put(caseNumber, text(v.getValue()));
                } else if (STATE_REPORT_FILED.equals(v.getName()) && "true".equals(String.valueOf(v.getValue()))) {
                    reported.put(caseNumber, "Reported to the State agency.");
                }
            }
        }
        Map<String, String> actions = new LinkedHashMap<>();
        for (String caseNumber : reviewed.keySet()) {
            String words = String.join(" ", java.util.stream.Stream.of(protective.get(caseNumber),
                    reported.get(caseNumber)).filter(java.util.Objects::nonNull).toList());
            actions.put(caseNumber, !words.isEmpty() ? words
                    : reviewed.get(caseNumber) != null ? reviewed.get(caseNumber) : "no actions recorded");
        }
        return received.stream().filter(c -> reviewed.containsKey(c.caseNumber()))
                .map(c -> c.withNote(actions.get(c.caseNumber()))).toList();
    }

    /** Cases received in the month coded HCAT severity 3 (high), with their status and closure reason. */
    List<ReportCase> highSeverity(YearMonth month, String facility) {
        return receivedIn(month, facility, "hcat_severity = '" + HIGH_SEVERITY + "'");
    }

    private List<ReportCase> receivedIn(YearMonth month, String facility, String condition) {
        return rows((condition == null ? "" : condition + " AND ") + "received_at >= :from AND received_at < :to",
                month, facility).stream().filter(r -> inMonth(r.receivedAt(), r.zone(), month)).map(Row::c).toList();
    }

    /** The rows of the month ±14 hours (every zone), each then kept by its own zone's month. */
    private List<Row> rows(String condition, YearMonth month, String facility) {
        OffsetDateTime from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusHours(14);
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC).plusHours(14);
        String where = condition + (facility == null ? "" : " AND (facility_name = :facility OR EXISTS (SELECT 1 "
                + "FROM case_clock k WHERE k.case_number = g.case_number AND k.owner_name = :facility))");
        var sql = jdbc.sql("SELECT " + COLUMNS + " FROM grievance_case g WHERE " + where + " ORDER BY case_number")
                .param("from", from).param("to", to);
        if (facility != null) {
            sql = sql.param("facility", facility);
        }
        return sql.query((rs, n) -> new Row(new ReportCase(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), null), ZoneId.of(rs.getString(7)),
                rs.getObject(8, OffsetDateTime.class).toInstant(), rs.getObject(9, OffsetDateTime.class).toInstant()))
                .list();
    }

    private static boolean inMonth(Instant at, ZoneId zone, YearMonth month) {
        return YearMonth.from(at.atZone(zone)).equals(month);
    }

    /** The last value of {@code variable} in the processes of these cases that had the task {@code taskKey}. */
    private Map<String, String> notes(List<ReportCase> cases, String taskKey, String variable) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (List<String> chunk : chunks(cases.stream().map(ReportCase::caseNumber).toList())) {
            Map<String, String> processOf = new LinkedHashMap<>();
            for (HistoricTaskInstance t : history.createHistoricTaskInstanceQuery().taskDefinitionKey(taskKey)
                    .processInstanceBusinessKeyIn(chunk.toArray(String[]::new)).list()) {
                processOf.put(t.getProcessInstanceId(), businessKey(t.getProcessInstanceId()));
            }
            if (processOf.isEmpty()) {
                continue;
            }
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(processOf.keySet().toArray(String[]::new)).variableName(variable).list()) {
                String note = text(v.getValue());
                if (note != null) {
                    // one per regime's clock: a case late under two regimes has two notes
                    notes.merge(processOf.get(v.getProcessInstanceId()), note, (a, b) -> a + " / " + b);
                }
            }
        }
        return notes;
    }

    private String businessKey(String processInstanceId) {
        var p = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return p == null ? null : p.getBusinessKey();
    }

    private static List<List<String>> chunks(List<String> all) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            chunks.add(all.subList(i, Math.min(all.size(), i + 500)));
        }
        return chunks;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
