package org.opengrievance.letter;

import java.util.logging.Level;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the PDF renderer's messages to the application's logging instead of its own console output:
 * warnings and errors as such, its chatty progress messages at debug level.
 */
final class RendererLog implements XRLogger {

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger log = LoggerFactory.getLogger(where == null ? "com.openhtmltopdf" : where);
        int l = level.intValue();
        if (l >= Level.SEVERE.intValue()) {
            log.error(msg, th);
        } else if (l >= Level.WARNING.intValue()) {
            log.warn(msg, th);
        } else if (l >= Level.INFO.intValue()) {
            log.debug(msg, th);
        } else {
            log.trace(msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // levels are set in the application's logging configuration (logging.level.com.openhtmltopdf)
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        Logger log = LoggerFactory.getLogger("com.openhtmltopdf");
        int l = diagnostic.getLevel().intValue();
        return l >= Level.WARNING.intValue() ? log.isWarnEnabled()
                : l >= Level.INFO.intValue() ? log.isDebugEnabled() : log.isTraceEnabled();
    }
}
