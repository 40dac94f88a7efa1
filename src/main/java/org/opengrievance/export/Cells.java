package org.opengrievance.export;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How facts become cell text: CMS universe dates and times, our reports' instants, Y/N, and "None". */
final class Cells {

    /** CMS universes' "does not apply" (CMS-10717: "None", not "NA" and not an empty cell). */
    static final String NONE = "None";
    static final DateTimeFormatter CMS_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
    static final DateTimeFormatter CMS_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    static final DateTimeFormatter LOG_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    private Cells() {
    }

    /** CCYY/MM/DD in {@code zone}; null (an empty cell) when there is no instant. */
    static String cmsDate(Instant at, ZoneId zone) {
        return at == null ? null : CMS_DATE.format(at.atZone(zone));
    }

    /** HH:MM:SS in {@code zone}; null when there is no instant. */
    static String cmsTime(Instant at, ZoneId zone) {
        return at == null ? null : CMS_TIME.format(at.atZone(zone));
    }

    /** YYYY-MM-DD HH:MM in {@code zone}; null when there is no instant. */
    static String logDateTime(Instant at, ZoneId zone) {
        return at == null ? null : LOG_DATE_TIME.format(at.atZone(zone));
    }

    static String yn(boolean value) {
        return value ? "Y" : "N";
    }

    /** The value, or "None" when {@code applies} is false. */
    static String orNone(boolean applies, String value) {
        return applies ? value : NONE;
    }
}
