package org.opengrievance.clock;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How clock instants are written, always in the zone that governs the clock: ISO with offset for timers and
 * events, a readable date for forms and letters.
 */
public final class ClockDisplay {

    static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm (zzz)", Locale.US);

    private ClockDisplay() {
    }

    public static String iso(Instant instant, ZoneId zone) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }

    public static String display(Instant instant, ZoneId zone) {
        return instant == null ? null : DISPLAY.format(instant.atZone(zone));
    }
}
