package org.opengrievance.operations;

import java.util.Locale;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The demo creates users whose passwords everyone knows ({@code demo-<id>}) and fictional cases: on a production
 * database that would be an open door and false records. So the demo (the default profile) starts on H2 only,
 * unless {@code GRIEVANCE_DEMO_ON_ANY_DATABASE=true} says it is meant. Runs on the environment, before anything
 * connects, so it needs no database to refuse one; registered in META-INF/spring.factories.
 */
public class DemoDatabaseCheck implements EnvironmentPostProcessor {

    static final String DEMO = "grievance.demo.enabled";
    static final String ON_ANY_DATABASE = "grievance.demo.on-any-database";
    static final String URL = "spring.datasource.url";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Boolean.parseBoolean(safeProperty(environment, DEMO))
                || Boolean.parseBoolean(safeProperty(environment, ON_ANY_DATABASE))) {
            return;
        }
        String url = safeProperty(environment, URL);
        // no URL: Spring Boot's embedded database, H2 here
        if (url == null || url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return;
        }
        throw new DemoDatabaseRefusedException(kind(url));
    }

    /** "jdbc:postgresql" and the like: never the host, the database name or a password in the URL. */
    static String kind(String url) {
        String[] parts = url.split(":", 3);
        return parts.length >= 2 ? parts[0] + ":" + parts[1] : "an unknown kind";
    }

    private static String safeProperty(ConfigurableEnvironment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }
}
