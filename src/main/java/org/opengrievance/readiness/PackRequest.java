package org.opengrievance.readiness;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.opengrievance.refusal.Refusal;

/**
 * What a pack covers: the calendar days {@code from} to {@code to} (both included, in the facility's zone) and
 * the facility. At most {@value #MAX_YEARS} years: a hospital survey looks back to the last one (three years at
 * most between accreditation surveys), and a wider pack holds more PHI than any survey asks for.
 */
record PackRequest(LocalDate from, LocalDate to, String facility) {

    static final int MAX_YEARS = 3;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int FACILITY_MAX = 200;

    /** The query parameters, each checked: a wrong one is a 400 naming it, never echoing what was sent. */
    static PackRequest parse(String from, String to, String facility) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f.isAfter(t)) {
            throw Refusal.badField("to", "The end of the range (to) must not be before its start (from).");
        }
        if (t.isAfter(f.plusYears(MAX_YEARS).minusDays(1))) {
            throw Refusal.badField("to", "A pack covers at most " + MAX_YEARS + " years: choose a later from or an earlier to.");
        }
        if (facility == null || facility.isBlank()) {
            throw Refusal.badField("facility", "Name the facility (facility), as the grievance log names it.");
        }
        if (facility.length() > FACILITY_MAX) {
            throw Refusal.badField("facility", "facility is at most " + FACILITY_MAX + " characters.");
        }
        return new PackRequest(f, t, facility.strip());
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.badField(name, name + " is required: a date written YYYY-MM-DD.");
        }
        if (!DATE.matcher(value).matches()) {
            throw Refusal.badField(name, name + " must be a date written YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException notADay) {
            throw Refusal.badField(name, name + " must be a date that exists, written YYYY-MM-DD.");
        }
    }

    ZonedDateTime start(ZoneId zone) {
        return from.atStartOfDay(zone);
    }

    /** The first instant after the range (exclusive bound). */
    ZonedDateTime end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone);
    }

    /** How the PHI access log records the pack: only what chose its rows, never patient data. */
    String parameters() {
        return "from=" + from + ";to=" + to + ";facility=" + facility;
    }

    /** The facility's name as a file name part: letters, digits and dashes. */
    String facilitySlug() {
        String slug = facility.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(java.util.Locale.ROOT);
        return slug.isEmpty() ? "facility" : slug;
    }
}
