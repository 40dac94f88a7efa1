package org.opengrievance.notice;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table notification_event: every time the patient was told something, in writing or orally; each row is
 * announced as a {@link NotificationRecorded}.
 */
@Repository
public class NotificationRepository {

    public record Notification(long id, String caseNumber, String kind, String mode, Long letterId, String channel,
            OffsetDateTime notifiedAt, String actor, String summary) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    NotificationRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public void record(String caseNumber, String kind, String mode, Long letterId, String channel,
            OffsetDateTime notifiedAt, String actor, String summary, OffsetDateTime recordedAt) {
        jdbc.sql("""
                INSERT INTO notification_event (case_number, kind, mode, letter_id, channel, notified_at, actor,
                  summary, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(caseNumber, kind, mode, letterId, channel, notifiedAt, actor, summary, recordedAt).update();
        events.publishEvent(new NotificationRecorded(caseNumber, kind, mode, notifiedAt));
    }

    public List<Notification> list(String caseNumber) {
        return jdbc.sql("SELECT * FROM notification_event WHERE case_number = ? ORDER BY id").param(caseNumber)
                .query((rs, i) -> new Notification(rs.getLong("id"), rs.getString("case_number"), rs.getString("kind"),
                        rs.getString("mode"), (Long) rs.getObject("letter_id", Long.class), rs.getString("channel"),
                        rs.getObject("notified_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString("actor"), rs.getString("summary")))
                .list();
    }

    public boolean hasOral(String caseNumber, String kind) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_event WHERE case_number = ? AND kind = ? AND mode = 'ORAL'")
                .params(caseNumber, kind).query(Long.class).single() > 0;
    }
}
