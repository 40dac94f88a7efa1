package org.opengrievance.gate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * When a person may say something happened: not in the future (beyond a few minutes of clock skew between
 * a workstation and the server) and not before the configured look-back. A date without an offset is read
 * in the facility's zone, as the forms show it.
 */
final class DateBounds {

    static final Duration SKEW = Duration.ofMinutes(5);

    private final Clock clock;
    private final Period lookBack;
    private final ZoneId zone;

    DateBounds(Clock clock, Period lookBack, ZoneId zone) {
        this.clock = clock;
        this.lookBack = lookBack;
        this.zone = zone;
    }

    /** Null when {@code text} is an acceptable date or instant, else the sentence's end ("must be …"). */
    String problem(String text) {
        Instant at;
        try {
            at = parse(text);
        } catch (DateTimeParseException e) {
            return "must be a date and time";
        }
        Instant now = clock.instant();
        if (at.isAfter(now.plus(SKEW))) {
            return "cannot be in the future";
        }
        if (at.isBefore(now.atZone(zone).minus(lookBack).toInstant())) {
            return "is further back than the engine accepts (" + lookBack.getYears() + " years)";
        }
        return null;
    }

    private Instant parse(String text) {
        if (text.length() <= 10) {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        }
    }
}
