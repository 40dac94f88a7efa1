package org.opengrievance.trends;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.regex.Pattern;

import org.opengrievance.refusal.Refusal;

/** The query parameters as submitted: months as yyyy-MM, names as text; a bad one is a 400 naming it. */
final class TrendParams {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private TrendParams() {
    }

    static YearMonth month(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!MONTH.matcher(value).matches()) {
            throw Refusal.badField(name, "Give the month as yyyy-MM, for example 2026-01.");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeException e) {
            throw Refusal.badField(name, "Give the month as yyyy-MM, for example 2026-01.");
        }
    }

    static String name(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
