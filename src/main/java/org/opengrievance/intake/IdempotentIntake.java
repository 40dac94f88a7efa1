package org.opengrievance.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opengrievance.grievance.GrievanceCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake with an {@code Idempotency-Key}: the same key and the same complaint within 24 hours answer the same
 * case (the first answer, again), never a second grievance; the same key with another complaint is refused.
 * The key belongs to the signed-in user, so two systems cannot collide on it. The key is claimed in the same
 * transaction as the case: if the intake fails, the key is free again.
 */
@Service
public class IdempotentIntake {

    static final Duration KEPT = Duration.ofHours(24);
    static final int MAX_KEY = 200;

    /** What to answer: the registration, and whether it is the replay of an earlier answer. */
    public record Answer(Registration registration, boolean replayed) {
    }

    private final IntakeService intake;
    private final IntakeAnswers answers;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentIntake(IntakeService intake, IntakeAnswers answers, ObjectMapper json, Clock clock) {
        this.intake = intake;
        this.answers = answers;
        this.json = json;
        this.clock = clock;
    }

    /** Throws Spring's {@code DuplicateKeyException} when a concurrent request with the key won: call {@link #replay}. */
    @Transactional
    public Answer register(String user, String key, IntakeRequest request) {
        requireUsableKey(key);
        String hash = hashOf(request);
        Optional<Answer> earlier = earlierAnswer(user, key, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        GrievanceCase created = intake.register(request);
        Registration registration = Registration.of(created);
        answers.keep(user, key, hash, created.caseNumber(), write(registration), clock.instant());
        return new Answer(registration, false);
    }

    /** The answer of the request that claimed the key first (after losing a race for it). */
    @Transactional(readOnly = true)
    public Answer replay(String user, String key, IntakeRequest request) {
        return earlierAnswer(user, key, hashOf(request)).orElseThrow(IdempotencyKeyReusedException::new);
    }

    private Optional<Answer> earlierAnswer(String user, String key, String hash) {
        Optional<IntakeAnswers.Kept> kept = answers.find(user, key);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        if (kept.get().createdAt().isBefore(clock.instant().minus(KEPT))) {
            answers.forget(user, key); // older than a day: the key is free for a new complaint
            return Optional.empty();
        }
        if (!kept.get().bodySha256().equals(hash)) {
            throw new IdempotencyKeyReusedException();
        }
        try {
            // the first answer as it was, offsets included (Jackson would otherwise turn them into UTC)
            return Optional.of(new Answer(json.readerFor(Registration.class)
                    .without(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                    .readValue(kept.get().answerJson()), true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept intake answer is unreadable", e);
        }
    }

    private static void requireUsableKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IntakeRejectedException("Idempotency-Key",
                    "must be 1 to " + MAX_KEY + " visible ASCII characters (a UUID is a good key)");
        }
    }

    private String hashOf(IntakeRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the intake request could not be hashed", e);
        }
    }

    private String write(Registration registration) {
        try {
            return json.writeValueAsString(registration);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the intake answer could not be kept", e);
        }
    }
}
