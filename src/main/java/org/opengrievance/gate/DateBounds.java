package org.opengrievance.gate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.opengrievance.config.TimeBounds;

/**
 * Reads a date a person typed into a form (form-js sends text: a date, a date-time with offset, or one
 * without, read in the facility's zone as the forms show it) and holds it to the application's
 * {@link TimeBounds}: not in the future, not before the look-back.
 */
final class DateBounds {

    private final TimeBounds bounds;
    private final ZoneId zone;

    DateBounds(TimeBounds bounds, ZoneId zone) {
        this.bounds = bounds;
        this.zone = zone;
    }

    /** Null when {@code text} is an acceptable date or instant, else the sentence's end ("must …"). */
    String problem(String text) {
        Instant at;
        try {
            at = parse(text);
        } catch (DateTimeParseException e) {
            return "must be a date and time";
        }
        return bounds.problem(at).orElse(null);
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
