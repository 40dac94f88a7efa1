package org.opengrievance.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.opengrievance.refusal.Refusal;

/**
 * The receipt dates an export covers, both inclusive, each read in the zone that governs the row's clock
 * (docs/audit-exports.md). At most {@value #MAX_MONTHS} months: a CMS universe period is a year at most, and a
 * wider export holds more PHI than any audit asks for.
 */
record ReceiptRange(LocalDate from, LocalDate to) {

    static final int MAX_MONTHS = 13;

    /** The query parameters {@code from} and {@code to}: ISO dates, from not after to, the span within bounds. */
    static ReceiptRange parse(String from, String to) {
        LocalDate f = date("from", from);
        LocalDate t = date("to", to);
        if (f.isAfter(t)) {
            throw Refusal.badField("to", "The end of the range (to) must not be before its start (from).");
        }
        if (!t.isBefore(f.plusMonths(MAX_MONTHS))) {
            throw Refusal.badField("to", "The range may cover at most " + MAX_MONTHS + " months: choose a later from or an earlier to.");
        }
        return new ReceiptRange(f, t);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Refusal.badField(name, "Give the " + (name.equals("from") ? "first" : "last")
                    + " receipt date of the range as YYYY-MM-DD (" + name + ").");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Refusal.badField(name, "The " + (name.equals("from") ? "start" : "end")
                    + " of the range (" + name + ") must be a date written as YYYY-MM-DD.");
        }
    }

    boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /**
     * Instants that surely enclose the range in any zone (offsets lie within a day of UTC): the database narrows
     * to these, and each row's own zone decides exactly.
     */
    Instant lowerBound() {
        return from.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    Instant upperBound() {
        return to.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** How the PHI access log records the range: no patient data, only what chose the rows. */
    String parameters(ExportFormat format) {
        return "from=" + from + ";to=" + to + ";format=" + format.extension();
    }
}
