package org.opengrievance.letter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code letter} and {@code letter_event} tables. Runs inside the caller's (and so the engine's) transaction. */
@Repository
class LetterRepository {

    private static final String SUMMARY_COLUMNS = """
            id, case_number, kind, regime, language, template_version, sha256, OCTET_LENGTH(pdf) AS size_bytes,
            status, generated_at, approved_by, approved_at, sent_at, channel, recipient, requested_language, large_print""";

    private final JdbcClient jdbc;

    LetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewLetter(String caseNumber, LetterKind kind, String regime, String language, String templateVersion,
            byte[] pdf, String sha256, LetterStatus status, OffsetDateTime generatedAt, String approvedBy,
            OffsetDateTime approvedAt, String recipient, String requestedLanguage, boolean largePrint) {
    }

    long insert(NewLetter l) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO letter (case_number, kind, regime, language, template_version, pdf, sha256, status,
                  generated_at, approved_by, approved_at, recipient, requested_language, large_print)
                VALUES (:caseNumber, :kind, :regime, :language, :templateVersion, :pdf, :sha256, :status,
                  :generatedAt, :approvedBy, :approvedAt, :recipient, :requestedLanguage, :largePrint)
                """)
                .param("caseNumber", l.caseNumber()).param("kind", l.kind().name()).param("regime", l.regime())
                .param("language", l.language()).param("templateVersion", l.templateVersion())
                .param("pdf", l.pdf()).param("sha256", l.sha256()).param("status", l.status().name())
                .param("generatedAt", l.generatedAt()).param("approvedBy", l.approvedBy())
                .param("approvedAt", l.approvedAt()).param("recipient", l.recipient())
                .param("requestedLanguage", l.requestedLanguage()).param("largePrint", l.largePrint())
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<LetterSummary> find(long id, ZoneId zone) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM letter WHERE id = ?")
                .param(id).query((rs, i) -> summary(rs, zone)).optional();
    }

    List<LetterSummary> list(String caseNumber, ZoneId zone) {
        return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM letter WHERE case_number = ? ORDER BY id")
                .param(caseNumber).query((rs, i) -> summary(rs, zone)).list();
    }

    Optional<byte[]> pdf(long id) {
        return jdbc.sql("SELECT pdf FROM letter WHERE id = ?").param(id)
                .query((rs, i) -> rs.getBytes("pdf")).optional();
    }

    /** Moves an APPROVED letter to SENT; false when the letter is not APPROVED (already sent, or a draft). */
    boolean markSent(long id, SendChannel channel, String recipient, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE letter SET status = 'SENT', channel = :channel, sent_at = :at,
                  recipient = COALESCE(:recipient, recipient)
                WHERE id = :id AND status = 'APPROVED'
                """)
                .param("channel", channel.name()).param("at", at).param("recipient", recipient).param("id", id)
                .update() == 1;
    }

    void event(long letterId, String event, String actor, OffsetDateTime at, String detail) {
        jdbc.sql("""
                INSERT INTO letter_event (letter_id, event, actor, recorded_at, detail)
                VALUES (:letterId, :event, :actor, :at, :detail)
                """)
                .param("letterId", letterId).param("event", event).param("actor", actor).param("at", at)
                .param("detail", detail).update();
    }

    record Event(String event, String actor, OffsetDateTime recordedAt, String detail) {
    }

    List<Event> events(long letterId, ZoneId zone) {
        return jdbc.sql("SELECT event, actor, recorded_at, detail FROM letter_event WHERE letter_id = ? ORDER BY id")
                .param(letterId)
                .query((rs, i) -> new Event(rs.getString("event"), rs.getString("actor"),
                        time(rs, "recorded_at", zone), rs.getString("detail")))
                .list();
    }

    private static LetterSummary summary(ResultSet rs, ZoneId zone) throws SQLException {
        String channel = rs.getString("channel");
        return new LetterSummary(rs.getLong("id"), rs.getString("case_number"),
                LetterKind.valueOf(rs.getString("kind")), rs.getString("regime"), rs.getString("language"),
                rs.getString("template_version"), rs.getString("sha256"), rs.getInt("size_bytes"),
                LetterStatus.valueOf(rs.getString("status")), time(rs, "generated_at", zone),
                rs.getString("approved_by"), time(rs, "approved_at", zone), time(rs, "sent_at", zone),
                channel == null ? null : SendChannel.valueOf(channel), rs.getString("recipient"),
                rs.getString("requested_language"), rs.getBoolean("large_print"));
    }

    private static OffsetDateTime time(ResultSet rs, String column, ZoneId zone) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
