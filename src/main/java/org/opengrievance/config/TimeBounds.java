package org.opengrievance.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.opengrievance.refusal.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bounds of every date and time a person submits (receipt, original receipt, plan receipt, when an oral
 * notification was given): not in the future, beyond a small allowance for the sender's clock running ahead
 * ({@link #CLOCK_SKEW}), and not further back than the look-back ({@code grievance.intake.look-back}, an ISO-8601
 * period, default {@code P3Y}). Extreme values (year 1, {@code -999999999-…}) are just outside the bounds.
 * "Now" is the application's clock. The API checks it with {@link WithinTimeBounds}; a start from Tasklist
 * (registerCase) calls {@link #require(String, Instant)}.
 */
@Component
public class TimeBounds {

    /** How far a submitted time may lie ahead of the engine's clock (the sender's clock running fast). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Period lookBack;

    public TimeBounds(Clock clock, @Value("${grievance.intake.look-back:P3Y}") Period lookBack) {
        this.clock = clock;
        this.lookBack = lookBack;
    }

    /** What is wrong with {@code time} (a phrase to follow the field's name), or empty when it is in bounds. */
    public Optional<String> problem(Instant time) {
        Instant now = clock.instant();
        if (time.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("must not be in the future");
        }
        Instant earliest = ZonedDateTime.ofInstant(now, ZoneOffset.UTC).minus(lookBack).toInstant();
        if (time.isBefore(earliest)) {
            return Optional.of("must not be more than " + lookBack + " (grievance.intake.look-back) in the past");
        }
        return Optional.empty();
    }

    public Optional<String> problem(OffsetDateTime time) {
        return problem(time.toInstant());
    }

    /** Refuses (a {@link Refusal} naming the field, never the value) a time outside the bounds. */
    public void require(String field, Instant time) {
        problem(time).ifPresent(p -> {
            throw Refusal.badField(field, field + " " + p + ".");
        });
    }
}
