package org.opengrievance.security;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * Keeps patient data out of the log. Libraries that handle request and process data put it in their log
 * lines in two ways: as message arguments (Camunda's {@code ENGINE-16004 Exception while closing command
 * context: {message}}, flush summaries with variable values) and inside exception messages (a database error
 * quoting the value it refused). For loggers of those libraries this filter rewrites every event before it
 * reaches an appender: arguments that are not plainly identifiers, numbers or flags become
 * {@value #WITHHELD}, and each exception in the chain keeps its class, Camunda/SQL error code and stack
 * trace but loses its message. The project's own code logs no values (and is covered for exceptions too).
 */
public class PhiRedactingTurboFilter extends TurboFilter {

    static final String WITHHELD = "[withheld]";
    /** Loggers whose messages or exceptions can carry submitted values. */
    static final List<String> GUARDED = List.of("org.camunda.", "org.apache.ibatis.", "org.springframework.jdbc.",
            "org.springframework.dao.", "org.springframework.transaction.", "org.springframework.web.",
            "org.springframework.http.", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.",
            "org.glassfish.jersey.", "org.h2.", "org.postgresql.", "com.zaxxer.hikari.", "org.flywaydb.",
            "org.hibernate.validator.", "com.fasterxml.jackson.", "org.opengrievance.");
    /** Ids, keys, numbers, paths: no blank, no @, not long. Names and free text always hold a blank or are long. */
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{Alnum}_.:/#\\-\\[\\]]{1,100}");
    private static final Pattern ERROR_CODE = Pattern.compile("^\\s*([A-Z][A-Z-]*-\\d{3,6})\\b");
    /** A fully qualified exception class followed by ": message". */
    private static final Pattern EXCEPTION_HEADER = Pattern.compile(
            "((?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error|Throwable|Fault)): (.*)");
    private static final Pattern STACK_LINE = Pattern.compile("^\\s*(at |\\.\\.\\. \\d+ (more|common frames omitted))");
    private static final String FQCN = PhiRedactingTurboFilter.class.getName();
    private static final ThreadLocal<Boolean> REWRITING = new ThreadLocal<>();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        try {
            return rewrite(marker, logger, level, format, params, t);
        } catch (RuntimeException failure) {
            // never let logging break the caller, never let an unredacted event through
            emit(logger, level, marker, "A log event was withheld: redacting it failed with "
                    + failure.getClass().getName(), null);
            return FilterReply.DENY;
        }
    }

    private FilterReply rewrite(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable t) {
        if (!isStarted() || level == null || format == null || REWRITING.get() != null
                || !level.isGreaterOrEqual(logger.getEffectiveLevel()) || !guarded(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        Object[] args = params == null ? new Object[0] : params;
        if (thrown == null && args.length > 0 && args[args.length - 1] instanceof Throwable last
                && placeholders(format) < args.length) {
            thrown = last;
            args = Arrays.copyOf(args, args.length - 1);
        }
        // some libraries print a whole stack trace, messages included, into the message text itself
        String template = redactText(format);
        if (thrown == null && args.length == 0 && template.equals(format)) {
            return FilterReply.NEUTRAL;
        }
        Object[] safe = Arrays.stream(args).map(PhiRedactingTurboFilter::redact).toArray();
        String message = MessageFormatter.basicArrayFormat(template, safe);
        emit(logger, level, marker, message, thrown == null ? null : redact(thrown, 0));
        return FilterReply.DENY;
    }

    private static void emit(Logger logger, Level level, Marker marker, String message, Throwable thrown) {
        if (REWRITING.get() != null) {
            return;
        }
        LoggingEvent event = new LoggingEvent(FQCN, logger, level, message, thrown, null);
        if (marker != null) {
            event.addMarker(marker);
        }
        REWRITING.set(Boolean.TRUE);
        try {
            logger.callAppenders(event);
        } finally {
            REWRITING.remove();
        }
    }

    private static int placeholders(String format) {
        int count = 0;
        for (int i = format.indexOf("{}"); i >= 0; i = format.indexOf("{}", i + 2)) {
            count++;
        }
        return count;
    }

    /**
     * Text that holds exception headers ({@code some.package.SomeException: message}) keeps each header's
     * class and error code; the message and its continuation lines are withheld, stack frames stay.
     */
    static String redactText(String text) {
        if (!EXCEPTION_HEADER.matcher(text).find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inMessage = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher header = EXCEPTION_HEADER.matcher(line);
            if (header.find()) {
                out.append(line, 0, header.start(2));
                Matcher code = ERROR_CODE.matcher(header.group(2));
                if (code.find()) {
                    out.append(code.group(1)).append(' ');
                }
                out.append("(message withheld: it may hold patient data)");
                inMessage = true;
            } else if (STACK_LINE.matcher(line).find()) {
                out.append(line);
                inMessage = false;
            } else if (inMessage) {
                continue;
            } else {
                out.append(line);
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    static boolean guarded(String loggerName) {
        for (String prefix : GUARDED) {
            if (loggerName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static Object redact(Object arg) {
        if (arg == null || arg instanceof Number || arg instanceof Boolean || arg instanceof Enum<?>
                || arg instanceof Class<?> || arg instanceof Date || arg instanceof java.time.temporal.Temporal
                || arg instanceof java.time.Duration) {
            return arg;
        }
        if (arg instanceof Throwable thrown) {
            return describe(thrown);
        }
        if (arg instanceof Collection<?> || arg.getClass().isArray()) {
            return WITHHELD;
        }
        String text = String.valueOf(arg);
        return IDENTIFIER.matcher(text).matches() && !text.contains("@") ? text : WITHHELD;
    }

    /** The exception as class, error code and stack, without the message; the same for its causes. */
    static Throwable redact(Throwable thrown, int depth) {
        RedactedException copy = new RedactedException(describe(thrown));
        copy.setStackTrace(thrown.getStackTrace());
        Throwable cause = thrown.getCause();
        if (cause != null && cause != thrown && depth < 20) {
            copy.initCause(redact(cause, depth + 1));
        }
        for (Throwable suppressed : thrown.getSuppressed()) {
            if (depth < 20) {
                copy.addSuppressed(redact(suppressed, depth + 1));
            }
        }
        return copy;
    }

    static String describe(Throwable thrown) {
        StringBuilder sb = new StringBuilder(thrown.getClass().getName());
        String message = thrown.getMessage();
        if (message != null) {
            Matcher code = ERROR_CODE.matcher(message);
            if (code.find()) {
                sb.append(' ').append(code.group(1));
            }
        }
        if (thrown instanceof SQLException sql) {
            sb.append(" SQLState ").append(sql.getSQLState()).append(" code ").append(sql.getErrorCode());
        }
        if (message != null) {
            sb.append(" (message withheld: it may hold patient data)");
        }
        return sb.toString();
    }

    /** Stands in for a logged exception; printed as {@code <original class> [code] (message withheld...)}. */
    static final class RedactedException extends RuntimeException {

        RedactedException(String description) {
            super(description);
        }

        @Override
        public String toString() {
            return getMessage();
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
