package org.opengrievance.security;

import ch.qos.logback.classic.LoggerContext;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Installs {@link PhiRedactingTurboFilter} right after Spring Boot has configured Logback, in every profile,
 * before the engine or the web server can log anything (registered in META-INF/spring.factories). Spring
 * Boot's own logging configuration (console, optional file, levels) is kept as it is.
 */
public class PhiSafeLogging implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final String NAME = "phi-redaction";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        install();
    }

    /** Adds the filter unless it is there already; does nothing when Logback is not the logging backend. */
    public static void install() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        boolean present = context.getTurboFilterList().stream().anyMatch(f -> NAME.equals(f.getName()));
        if (!present) {
            PhiRedactingTurboFilter filter = new PhiRedactingTurboFilter();
            filter.setName(NAME);
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
    }

    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
