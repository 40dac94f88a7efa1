package org.opengrievance.access;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import org.opengrievance.refusal.Refusal;

/**
 * The filters of an access-log search or export, read from the query string: who ({@code actor}), which case
 * ({@code caseNumber}), from where ({@code surface}) and when ({@code from}, {@code to}: calendar days in the
 * facility's zone, both included). Every parameter is checked here, so that a wrong one is a 400 naming it rather
 * than Spring's sentence about a conversion.
 */
record AccessLogFilter(String actor, String caseNumber, AccessSurface surface, LocalDate from, LocalDate to) {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** User ids and case numbers: printable, no blanks; the columns hold 64 and 20 characters. */
    private static final Pattern ACTOR = Pattern.compile("[\\p{Alnum}._@-]{1,64}");
    private static final Pattern CASE_NUMBER = Pattern.compile("[\\p{Alnum}-]{1,20}");

    static final Set<String> FILTERS = Set.of("actor", "caseNumber", "surface", "from", "to");

    /**
     * @param allowed the parameters this operation takes (the filters, and {@code page}, {@code size} for the search)
     * @param datesRequired whether {@code from} and {@code to} must be given (an export is always for a date range)
     */
    static AccessLogFilter parse(Map<String, String[]> query, Set<String> allowed, boolean datesRequired) {
        for (Map.Entry<String, String[]> p : query.entrySet()) {
            if (!allowed.contains(p.getKey())) {
                throw Refusal.badField(safeName(p.getKey()), "This parameter is not known here; the parameters are "
                        + String.join(", ", allowed.stream().sorted().toList()) + ".");
            }
            if (p.getValue().length > 1) {
                throw Refusal.badField(p.getKey(), p.getKey() + " may be given once.");
            }
        }
        String actor = single(query, "actor");
        if (actor != null && !ACTOR.matcher(actor).matches()) {
            throw Refusal.badField("actor", "actor must be a user id (letters, digits, . _ @ -, at most 64).");
        }
        String caseNumber = single(query, "caseNumber");
        if (caseNumber != null && !CASE_NUMBER.matcher(caseNumber).matches()) {
            throw Refusal.badField("caseNumber", "caseNumber must be a case number such as GRV-2026-000123.");
        }
        String surfaceName = single(query, "surface");
        AccessSurface surface = null;
        if (surfaceName != null) {
            try {
                surface = AccessSurface.valueOf(surfaceName);
            } catch (IllegalArgumentException unknown) {
                throw Refusal.badField("surface", "surface must be one of API, COCKPIT, TASKLIST, EXPORT.");
            }
        }
        LocalDate from = date(query, "from", datesRequired);
        LocalDate to = date(query, "to", datesRequired);
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.badField("to", "to must not be before from.");
        }
        return new AccessLogFilter(actor, caseNumber, surface, from, to);
    }

    /** Whole numbers within bounds ({@code page}, {@code size}); {@code fallback} when absent. */
    static int whole(Map<String, String[]> query, String name, int fallback, int min, int max) {
        String value = single(query, name);
        if (value == null) {
            return fallback;
        }
        if (!value.matches("\\d{1,9}")) {
            throw Refusal.badField(name, name + " must be a whole number from " + min + " to " + max + ".");
        }
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw Refusal.badField(name, name + " must be a whole number from " + min + " to " + max + ".");
        }
        return n;
    }

    /** The filters as the access log records them for the search or export itself (no patient data in them). */
    String parameters() {
        StringJoiner p = new StringJoiner("&");
        asMap().forEach((k, v) -> p.add(k + "=" + v));
        return p.toString();
    }

    Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        if (actor != null) {
            m.put("actor", actor);
        }
        if (caseNumber != null) {
            m.put("caseNumber", caseNumber);
        }
        if (surface != null) {
            m.put("surface", surface.name());
        }
        if (from != null) {
            m.put("from", from.toString());
        }
        if (to != null) {
            m.put("to", to.toString());
        }
        return m;
    }

    /** The first instant of {@code from} in {@code zone}, or null. */
    java.time.OffsetDateTime fromInstant(ZoneId zone) {
        return from == null ? null : from.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The first instant after {@code to} in {@code zone} (exclusive bound), or null. */
    java.time.OffsetDateTime toExclusive(ZoneId zone) {
        return to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }

    private static LocalDate date(Map<String, String[]> query, String name, boolean required) {
        String value = single(query, name);
        if (value == null) {
            if (required) {
                throw Refusal.badField(name, name + " is required: a date written YYYY-MM-DD.");
            }
            return null;
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

    private static String single(Map<String, String[]> query, String name) {
        String[] values = query.get(name);
        if (values == null || values.length == 0 || values[0] == null || values[0].isEmpty()) {
            return null;
        }
        return values[0];
    }

    /** A parameter name is echoed only when it looks like one: the rest could be anything a client sent. */
    private static String safeName(String name) {
        return name.matches("[A-Za-z][A-Za-z0-9_.-]{0,39}") ? name : "(parameter)";
    }
}
