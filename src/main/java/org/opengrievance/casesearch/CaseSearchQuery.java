package org.opengrievance.casesearch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.opengrievance.refusal.Refusal;
import org.opengrievance.regime.Regime;

/**
 * The filters of {@code GET /api/audit/cases}, checked: every parameter is known, given once and well formed,
 * or the search is refused with a 400 naming it (a misspelt filter must not silently widen the answer).
 * Values that come from the models (classification, status, HCAT category, department) are checked for their
 * shape only, so a director who adds one in Modeler does not need a Java change.
 */
record CaseSearchQuery(String caseNumber, String patientName, LocalDate receivedFrom, LocalDate receivedTo,
        Regime regime, String classification, String status, Boolean late, String hcatCategory, String department,
        int page, int size) {

    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 100_000;

    static final Set<String> PARAMETERS = Set.of("caseNumber", "patientName", "receivedFrom", "receivedTo", "regime",
            "classification", "status", "late", "hcatCategory", "department", "page", "size");

    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,20}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,40}");
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");
    private static final int NAME_MAX = 200;

    static CaseSearchQuery parse(Map<String, List<String>> raw) {
        for (Map.Entry<String, List<String>> e : raw.entrySet()) {
            if (!PARAMETERS.contains(e.getKey())) {
                // named when it looks like a parameter name; anything else a client sent is not repeated
                String field = SAFE_NAME.matcher(e.getKey()).matches() ? e.getKey() : "query";
                throw Refusal.badField(field, "The search has a parameter it does not know; the filters are "
                        + String.join(", ", new java.util.TreeSet<>(PARAMETERS)) + ".");
            }
            if (e.getValue().size() > 1) {
                throw Refusal.badField(e.getKey(), "Give " + e.getKey() + " once.");
            }
        }
        Params p = new Params(raw);
        String caseNumber = p.matching("caseNumber", CASE_NUMBER, "must be a case number such as GRV-2026-000123, or its beginning");
        String patientName = p.text("patientName", NAME_MAX);
        LocalDate from = p.date("receivedFrom");
        LocalDate to = p.date("receivedTo");
        if (from != null && to != null && to.isBefore(from)) {
            throw Refusal.badField("receivedTo", "receivedTo must not be before receivedFrom.");
        }
        Regime regime = p.regime();
        String classification = upper(p.matching("classification", CODE, "must be a classification such as GRIEVANCE, COMPLAINT or NOT_A_GRIEVANCE"));
        String status = upper(p.matching("status", CODE, "must be a status such as OPEN or CLOSED"));
        Boolean late = p.bool("late");
        String hcat = upper(p.matching("hcatCategory", CODE, "must be an HCAT category such as SAFETY"));
        String department = lower(p.matching("department", DEPARTMENT, "must be a department such as nursing"));
        int page = p.number("page", 0, 0, MAX_PAGE);
        int size = p.number("size", DEFAULT_SIZE, 1, MAX_SIZE);
        return new CaseSearchQuery(caseNumber == null ? null : caseNumber.toUpperCase(Locale.ROOT), patientName, from,
                to, regime, classification, status, late, hcat, department, page, size);
    }

    /**
     * The parameters as the PHI access log keeps them: every filter given, in a fixed order, except the patient's
     * name, which is PHI (the log says that a name was searched, not which).
     */
    String forAccessLog() {
        List<String> parts = new ArrayList<>();
        add(parts, "caseNumber", caseNumber);
        if (patientName != null) {
            parts.add("patientName=(withheld)");
        }
        add(parts, "receivedFrom", receivedFrom);
        add(parts, "receivedTo", receivedTo);
        add(parts, "regime", regime);
        add(parts, "classification", classification);
        add(parts, "status", status);
        add(parts, "late", late);
        add(parts, "hcatCategory", hcatCategory);
        add(parts, "department", department);
        parts.add("page=" + page);
        parts.add("size=" + size);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** One parameter at a time; an empty value counts as not given. */
    private record Params(Map<String, List<String>> raw) {

        String value(String name) {
            List<String> values = raw.get(name);
            String v = values == null || values.isEmpty() ? null : values.get(0);
            return v == null || v.isBlank() ? null : v.strip();
        }

        String matching(String name, Pattern pattern, String rule) {
            String v = value(name);
            if (v != null && !pattern.matcher(v).matches()) {
                throw Refusal.badField(name, name + " " + rule + ".");
            }
            return v;
        }

        String text(String name, int max) {
            String v = value(name);
            if (v != null && (v.length() > max || v.chars().anyMatch(Character::isISOControl))) {
                throw Refusal.badField(name, name + " must be at most " + max + " printable characters.");
            }
            return v;
        }

        LocalDate date(String name) {
            String v = value(name);
            if (v == null) {
                return null;
            }
            try {
                if (v.length() != 10) {
                    throw new DateTimeParseException("length", v, 0);
                }
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                throw Refusal.badField(name, name + " must be a date written YYYY-MM-DD.");
            }
        }

        Regime regime() {
            String v = value("regime");
            if (v == null) {
                return null;
            }
            try {
                return Regime.valueOf(v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Refusal.badField("regime", "regime must be one of " + List.of(Regime.values()) + ".");
            }
        }

        Boolean bool(String name) {
            String v = value(name);
            if (v == null) {
                return null;
            }
            return switch (v.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw Refusal.badField(name, name + " must be true or false.");
            };
        }

        int number(String name, int fallback, int min, int max) {
            String v = value(name);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw Refusal.badField(name, name + " must be a whole number from " + min + " to " + max + ".");
        }
    }
}
