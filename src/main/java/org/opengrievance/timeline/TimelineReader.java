package org.opengrievance.timeline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opengrievance.grievance.CaseNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts a case's timeline together from the project's own tables only (never the engine's history): the case row
 * (read model), case_event, classification_event, clock_event with case_clock, letter with letter_event,
 * notification_event and phi_access_log. No patient name, text or address is read.
 */
@Component
class TimelineReader {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TimelineReader(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    private record CaseRow(String channel, Instant receivedAt, ZoneId zone, String regimes, String classification,
            String status, Instant responseDueAt, Instant closedAt, boolean late, boolean expedited,
            boolean extended, String department, String hcatCategory, Timeline.FiledBy filedBy) {
    }

    /** A clock as it stands now: its zone, and the facts its events refer to. */
    private record ClockRow(ZoneId zone, String kind, Instant receivedAt, Instant baseDueAt, Instant bindingDueAt,
            Instant followUpDueAt, int extensionDays, String extensionRequestedBy, String extensionReason,
            Instant extensionNoticeDueAt, String expediteTrigger, Instant expeditedAt, Instant lateAt,
            String owner, String rule) {
    }

    Timeline read(String caseNumber) {
        CaseRow c = jdbc.sql("""
                SELECT channel, received_at, facility_zone, regimes, classification, status, response_due_at,
                  closed_at, late, expedited, extended, department, hcat_category, requester, requester_relationship,
                  requester_authority
                FROM grievance_case WHERE case_number = ?
                """).param(caseNumber)
                .query((rs, i) -> new CaseRow(rs.getString(1), instant(rs, 2), ZoneId.of(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7), instant(rs, 8),
                        rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11), rs.getString(12), rs.getString(13),
                        new Timeline.FiledBy(rs.getString(14), rs.getString(15), rs.getString(16))))
                .optional().orElseThrow(() -> new CaseNotFoundException(caseNumber));
        Map<String, ClockRow> clocks = clocks(caseNumber);

        List<Step> steps = new ArrayList<>();
        steps.add(new Step(c.receivedAt(), c.zone(), "RECEIVED", null, details("channel", c.channel()), 0));
        steps.addAll(caseEvents(caseNumber, c.zone(), clocks));
        steps.addAll(classification(caseNumber, c.zone()));
        steps.addAll(clockEvents(caseNumber, c.zone(), clocks));
        steps.addAll(letters(caseNumber, c.zone()));
        steps.addAll(notifications(caseNumber, c.zone()));
        steps.addAll(reads(caseNumber, c.zone()));
        steps.sort(StepOrder.ORDER);

        List<Timeline.TimelineEvent> events = steps.stream().map(s -> new Timeline.TimelineEvent(
                local(s.at(), s.zone()), utc(s.at()), s.zone().getId(), s.kind(), s.actor(), Sentences.of(s),
                s.details())).toList();
        List<String> regimes = c.regimes() == null || c.regimes().isBlank() ? List.copyOf(clocks.keySet())
                : Arrays.stream(c.regimes().split(",")).map(String::trim).toList();
        Timeline.TimelineHeader header = new Timeline.TimelineHeader(local(c.receivedAt(), c.zone()),
                utc(c.receivedAt()), c.channel(), regimes, c.classification(), c.status(),
                local(c.responseDueAt(), c.zone()), local(c.closedAt(), c.zone()), c.late(), c.expedited(),
                c.extended(), c.department(), c.hcatCategory(), c.filedBy());
        return new Timeline(caseNumber, c.zone().getId(), header, events);
    }

    private Map<String, ClockRow> clocks(String caseNumber) {
        Map<String, ClockRow> clocks = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM case_clock WHERE case_number = ? ORDER BY regime").param(caseNumber)
                .query((ResultSet rs) -> {
                    clocks.put(rs.getString("regime"), new ClockRow(ZoneId.of(rs.getString("zone")),
                            rs.getString("kind"), instant(rs, "received_at"), instant(rs, "base_due_at"),
                            instant(rs, "binding_due_at"), instant(rs, "follow_up_due_at"),
                            rs.getInt("extension_days"), rs.getString("extension_requested_by"),
                            rs.getString("extension_reason"), instant(rs, "extension_notice_due_at"),
                            rs.getString("expedite_trigger"), instant(rs, "expedited_at"), instant(rs, "late_at"),
                            rs.getString("owner_name"), rs.getString("policy_citation")));
                });
        return clocks;
    }

    /** case_event: the steps without a trail of their own; an escalation is in its clock's zone. */
    private List<Step> caseEvents(String caseNumber, ZoneId facility, Map<String, ClockRow> clocks) {
        return jdbc.sql("SELECT id, kind, occurred_at, actor, subject, detail FROM case_event WHERE case_number = ?")
                .param(caseNumber)
                .query((rs, i) -> {
                    String kind = rs.getString("kind");
                    Map<String, Object> details = parse(rs.getString("detail"));
                    ClockRow clock = "ESCALATED".equals(kind) ? clocks.get(rs.getString("subject")) : null;
                    return new Step(instant(rs, "occurred_at"), clock != null ? clock.zone() : facility, kind,
                            rs.getString("actor"), details, rs.getLong("id"));
                }).list();
    }

    private List<Step> classification(String caseNumber, ZoneId zone) {
        return jdbc.sql("""
                SELECT id, kind, classification, reason, rule_id, actor, recorded_at FROM classification_event
                WHERE case_number = ?
                """).param(caseNumber)
                .query((rs, i) -> new Step(instant(rs, "recorded_at"), zone, "CLASSIFICATION_" + rs.getString("kind"),
                        rs.getString("actor"), details("classification", rs.getString("classification"),
                                "reason", rs.getString("reason"), "rule", rs.getString("rule_id")),
                        rs.getLong("id")))
                .list();
    }

    /** clock_event, with the facts of the clock row that event set (due instants, extension, expedite, lateness). */
    private List<Step> clockEvents(String caseNumber, ZoneId facility, Map<String, ClockRow> clocks) {
        return jdbc.sql("SELECT id, regime, kind, detail, actor, recorded_at FROM clock_event WHERE case_number = ?")
                .param(caseNumber)
                .query((rs, i) -> {
                    String regime = rs.getString("regime");
                    String kind = rs.getString("kind");
                    ClockRow k = clocks.get(regime);
                    ZoneId zone = k != null ? k.zone() : facility;
                    Map<String, Object> d = details("regime", regime, "detail", rs.getString("detail"));
                    if (k != null) {
                        clockFacts(kind, rs.getString("detail"), k, d);
                    }
                    return new Step(instant(rs, "recorded_at"), zone, "CLOCK_" + kind, rs.getString("actor"), d,
                            rs.getLong("id"));
                }).list();
    }

    private static void clockFacts(String kind, String text, ClockRow k, Map<String, Object> facts) {
        Map<String, Object> d = new LinkedHashMap<>();
        switch (kind) {
            case "OPENED" -> {
                d.put("owner", k.owner());
                d.put("receivedAt", local(k.receivedAt(), k.zone()));
                // the opening deadline is still the base one unless the clock was expedited after intake
                boolean expeditedLater = k.expeditedAt() != null && !k.expeditedAt().equals(k.receivedAt());
                if (!expeditedLater) {
                    d.put("clockKind", k.kind());
                    d.put("dueAt", local(k.baseDueAt(), k.zone()));
                    d.put("followUpDueAt", local(k.followUpDueAt(), k.zone()));
                }
            }
            case "TIMERS_SET" -> {
                if (text != null && text.startsWith("binding ")) {
                    d.put("dueAt", text.substring("binding ".length()));
                }
            }
            case "EXTENDED" -> {
                if (k.extensionDays() > 0) {
                    d.put("requestedBy", k.extensionRequestedBy());
                    d.put("days", k.extensionDays());
                    d.put("reason", k.extensionReason());
                    d.put("dueAt", local(k.bindingDueAt(), k.zone()));
                    d.put("noticeDueAt", local(k.extensionNoticeDueAt(), k.zone()));
                }
            }
            case "EXPEDITED" -> {
                d.put("trigger", k.expediteTrigger());
                if ("EXPEDITED".equals(k.kind())) {
                    d.put("dueAt", local(k.baseDueAt(), k.zone()));
                }
            }
            case "INTERIM_SENT" -> d.put("followUpDueAt", local(k.followUpDueAt(), k.zone()));
            case "BREACHED" -> d.put("lateAt", local(k.lateAt(), k.zone()));
            default -> {
                // REMINDER, STOPPED: the event itself is the fact
            }
        }
        d.forEach((key, value) -> {
            if (value != null) {
                facts.put(key, value);
            }
        });
    }

    /** Letters: the approval (the stored PDF, its hash, template, approver) and the sending, one event each. */
    private List<Step> letters(String caseNumber, ZoneId zone) {
        record Sending(String actor, Instant recordedAt) {
        }
        Map<Long, Sending> sendings = new HashMap<>();
        jdbc.sql("""
                SELECT letter_id, actor, recorded_at FROM notification_event
                WHERE case_number = ? AND letter_id IS NOT NULL ORDER BY id
                """).param(caseNumber)
                .query((ResultSet rs) -> {
                    sendings.putIfAbsent(rs.getLong(1), new Sending(rs.getString(2), instant(rs, 3)));
                });
        List<Step> steps = new ArrayList<>();
        jdbc.sql("""
                SELECT e.id AS event_id, e.event, e.actor, e.recorded_at, l.id, l.kind, l.regime, l.language,
                  l.template_version, l.sha256, l.approved_by, l.approved_at, l.sent_at, l.channel
                FROM letter_event e JOIN letter l ON l.id = e.letter_id WHERE l.case_number = ?
                """).param(caseNumber)
                .query((ResultSet rs) -> {
                    long letterId = rs.getLong("id");
                    Map<String, Object> d = details("letterId", letterId, "letterKind", rs.getString("kind"),
                            "regime", rs.getString("regime"), "language", rs.getString("language"),
                            "templateVersion", rs.getString("template_version"), "sha256", rs.getString("sha256"),
                            "approvedBy", rs.getString("approved_by"),
                            "approvedAt", local(instant(rs, "approved_at"), zone));
                    String event = rs.getString("event");
                    if ("APPROVED".equals(event)) {
                        steps.add(new Step(instant(rs, "recorded_at"), zone, "LETTER_APPROVED", rs.getString("actor"),
                                d, rs.getLong("event_id")));
                    } else if ("SENT".equals(event) && rs.getObject("sent_at") != null) {
                        // when it went (a mailing date staff gave, or the email's), and who recorded it
                        Sending s = sendings.get(letterId);
                        d.putAll(details("channel", rs.getString("channel"),
                                "recordedAt", local(s != null ? s.recordedAt() : instant(rs, "recorded_at"), zone)));
                        steps.add(new Step(instant(rs, "sent_at"), zone, "LETTER_SENT", s != null ? s.actor() : null,
                                d, rs.getLong("event_id")));
                    }
                });
        return steps;
    }

    /** The acknowledgement (written or oral) and every oral notification; a written one is its letter's LETTER_SENT. */
    private List<Step> notifications(String caseNumber, ZoneId zone) {
        List<Step> steps = new ArrayList<>();
        jdbc.sql("""
                SELECT id, kind, mode, letter_id, channel, notified_at, actor, recorded_at FROM notification_event
                WHERE case_number = ?
                """).param(caseNumber)
                .query((ResultSet rs) -> {
                    String kind = rs.getString("kind");
                    String mode = rs.getString("mode");
                    Object letterId = rs.getObject("letter_id");
                    Map<String, Object> d = details("notice", kind, "mode", mode, "channel", rs.getString("channel"),
                            "letterId", letterId == null ? null : ((Number) letterId).longValue(),
                            "recordedAt", local(instant(rs, "recorded_at"), zone));
                    String timelineKind = "ACKNOWLEDGEMENT".equals(kind) ? "ACKNOWLEDGED"
                            : "ORAL".equals(mode) ? "ORAL_NOTIFICATION" : null;
                    if (timelineKind != null) {
                        steps.add(new Step(instant(rs, "notified_at"), zone, timelineKind, rs.getString("actor"), d,
                                rs.getLong("id")));
                    }
                });
        return steps;
    }

    /** Who has read the case, through which surface (phi_access_log). */
    private List<Step> reads(String caseNumber, ZoneId zone) {
        return jdbc.sql("SELECT id, accessed_at, actor, surface, action FROM phi_access_log WHERE case_number = ?")
                .param(caseNumber)
                .query((rs, i) -> new Step(instant(rs, "accessed_at"), zone, "READ", rs.getString("actor"),
                        details("surface", rs.getString("surface"), "action", rs.getString("action")),
                        rs.getLong("id")))
                .list();
    }

    private Map<String, Object> parse(String detail) {
        if (detail == null || detail.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return json.readValue(detail, MAP);
        } catch (Exception e) {
            // a row written by hand or cut short: the event still shows, without its details
            return new LinkedHashMap<>(Map.of("detailUnreadable", true));
        }
    }

    /** Key-value pairs in order; a fact that is not there (null) is left out. */
    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                d.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return d;
    }

    static String local(Instant at, ZoneId zone) {
        return at == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone));
    }

    static String utc(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
