package org.opengrievance.export;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The format a cell must have, as one sentence saying what is wrong (null when the value is fine). Values are
 * never quoted back: they may be PHI.
 */
@FunctionalInterface
interface Check {

    /** What is wrong with {@code value} (never blank here), or null. */
    String problem(String value);

    /** Any text of at most {@code max} characters. */
    static Check text(int max) {
        return v -> v.length() <= max ? null : "is longer than " + max + " characters";
    }

    /** A CMS universe date: CCYY/MM/DD, a real date. */
    static Check cmsDate() {
        return parsed(Cells.CMS_DATE, "is not a date written CCYY/MM/DD", LocalDate::parse);
    }

    /** A CMS universe time: HH:MM:SS on the 24-hour clock. */
    static Check cmsTime() {
        return parsed(Cells.CMS_TIME, "is not a time written HH:MM:SS (24-hour clock)", LocalTime::parse);
    }

    /** Y or N. */
    static Check yesNo() {
        return oneOf(Set.of("Y", "N"));
    }

    /** One of a fixed set of codes. */
    static Check oneOf(Set<String> codes) {
        String sentence = "is not one of " + String.join(", ", new TreeSet<>(codes));
        return v -> codes.contains(v) ? null : sentence;
    }

    /** Matches {@code regex} in full; {@code sentence} says what is expected. */
    static Check pattern(String regex, String sentence) {
        Pattern p = Pattern.compile(regex);
        return v -> p.matcher(v).matches() ? null : sentence;
    }

    /** A whole number, zero or more. */
    static Check count() {
        return pattern("0|[1-9][0-9]{0,8}", "is not a whole number of zero or more");
    }

    /** Our own reports' instants: YYYY-MM-DD HH:MM in the row's zone. */
    static Check localDateTime() {
        return parsed(Cells.LOG_DATE_TIME, "is not a date and time written YYYY-MM-DD HH:MM",
                java.time.LocalDateTime::parse);
    }

    /** Our own reports' dates: YYYY-MM-DD. */
    static Check isoDate() {
        return parsed(DateTimeFormatter.ISO_LOCAL_DATE, "is not a date written YYYY-MM-DD", LocalDate::parse);
    }

    /** A month: YYYY-MM. */
    static Check month() {
        return parsed(DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT),
                "is not a month written YYYY-MM", YearMonth::parse);
    }

    private static Check parsed(DateTimeFormatter format, String sentence, Parser parser) {
        DateTimeFormatter strict = format.withResolverStyle(ResolverStyle.STRICT);
        return v -> {
            try {
                parser.parse(v, strict);
                return null;
            } catch (DateTimeParseException e) {
                return sentence;
            }
        };
    }

    @FunctionalInterface
    interface Parser {
        Object parse(CharSequence text, DateTimeFormatter format);
    }
}
