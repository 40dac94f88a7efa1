package org.opengrievance.record;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends rows to {@code case_event} (append-only) and marks the case updated. Only for a business key that is
 * a case: a task of a process outside any case writes nothing rather than failing the person's step.
 */
@Repository
class CaseEvents {

    /** the subject column, and each text of the detail: a detail has a handful of them, within its 2000 */
    static final int SUBJECT_MAX = 200;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CaseEvents(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The width of {@code grievance_case.case_number} (V1): a longer business key is no case. */
    static final int CASE_NUMBER_MAX = 20;

    /**
     * Whether a business key can name a case at all: a longer one matches no row of {@code grievance_case}, so
     * what would be written for it writes nothing; checked before any statement.
     */
    static boolean mayBeCase(String businessKey) {
        return businessKey != null && businessKey.length() <= CASE_NUMBER_MAX;
    }

    /** @param detail facts as a JSON object: codes, ids, instants and names of tasks; never free text of a person */
    void append(String caseNumber, CaseEventKind kind, Instant at, String actor, String subject,
            Map<String, ?> detail) {
        append(caseNumber, kind, at, actor, subject, detail, true);
    }

    /**
     * As {@link #append}, after a {@link ReadModel} write of this transaction that just set the case's
     * {@code updated_at} to {@code at}: the case row already says so, so it is not written a second time.
     */
    void appendAfterReadModel(String caseNumber, CaseEventKind kind, Instant at, String actor, String subject,
            Map<String, ?> detail) {
        append(caseNumber, kind, at, actor, subject, detail, false);
    }

    private void append(String caseNumber, CaseEventKind kind, Instant at, String actor, String subject,
            Map<String, ?> detail, boolean touch) {
        if (!mayBeCase(caseNumber)) {
            return;
        }
        OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        int added = jdbc.sql("""
                INSERT INTO case_event (case_number, kind, occurred_at, actor, subject, detail)
                SELECT case_number, :kind, :at, :actor, :subject, :detail FROM grievance_case WHERE case_number = :n
                """)
                .param("kind", kind.name()).param("at", when).param("actor", actor)
                .param("subject", cut(subject, SUBJECT_MAX)).param("detail", write(detail))
                .param("n", caseNumber).update();
        if (added == 1 && touch) {
            jdbc.sql("UPDATE grievance_case SET updated_at = ? WHERE case_number = ?").params(when, caseNumber)
                    .update();
        }
    }

    private String write(Map<String, ?> detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        // each text short (a task name a model made long), so that the object stays whole within the column
        Map<String, Object> shortened = new java.util.LinkedHashMap<>();
        detail.forEach((k, v) -> shortened.put(k, v instanceof String s ? cut(s, SUBJECT_MAX) : v));
        try {
            return json.writeValueAsString(shortened);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case event detail is not JSON", e);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
