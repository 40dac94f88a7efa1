package org.opengrievance.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The first answer to each (user, Idempotency-Key), table {@code intake_idempotency}. */
@Repository
class IntakeAnswers {

    record Kept(String bodySha256, String caseNumber, String answerJson, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    IntakeAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Kept> find(String user, String key) {
        return jdbc.sql("""
                SELECT body_sha256, case_number, answer_json, created_at FROM intake_idempotency
                WHERE requested_by = :user AND idempotency_key = :key""")
                .param("user", user).param("key", key)
                .query((rs, n) -> new Kept(rs.getString(1).trim(), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant()))
                .optional();
    }

    void keep(String user, String key, String bodySha256, String caseNumber, String answerJson, Instant at) {
        jdbc.sql("""
                INSERT INTO intake_idempotency (requested_by, idempotency_key, body_sha256, case_number, answer_json,
                  created_at) VALUES (:user, :key, :hash, :caseNumber, :answer, :at)""")
                .param("user", user).param("key", key).param("hash", bodySha256).param("caseNumber", caseNumber)
                .param("answer", answerJson).param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    void forget(String user, String key) {
        jdbc.sql("DELETE FROM intake_idempotency WHERE requested_by = :user AND idempotency_key = :key")
                .param("user", user).param("key", key).update();
    }
}
