package org.opengrievance.security;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start a production configuration whose administrator password is missing, short or a known
 * default. Runs on the environment, before any bean exists, so the engine never creates an administrator with
 * such a password. On under {@code grievance.security.require-strong-admin-password} (the postgres profile);
 * registered in META-INF/spring.factories.
 */
public class AdminPasswordCheck implements EnvironmentPostProcessor {

    public static final String ENABLED = "grievance.security.require-strong-admin-password";
    public static final int MIN_LENGTH = 12;
    /** Passwords anyone would try first, compared without case; the user id and demo-<id> are added. */
    static final Set<String> DEFAULTS = Set.of("admin", "demo", "demo-admin", "password", "changeme", "change-me",
            "camunda", "secret", "administrator", "123456789012", "password1234", "adminadmin12");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Boolean.parseBoolean(environment.getProperty(ENABLED, "false"))) {
            return;
        }
        String problem = problem(safeProperty(environment, "camunda.bpm.admin-user.id"),
                safeProperty(environment, "camunda.bpm.admin-user.password"));
        if (problem != null) {
            throw new WeakAdminPasswordException(problem);
        }
    }

    /** What is wrong with this administrator and password, or null when nothing is. Never echoes the password. */
    static String problem(String adminId, String password) {
        if (adminId == null || adminId.isBlank()) {
            return "No administrator is configured (camunda.bpm.admin-user.id, GRIEVANCE_ADMIN_USER). Without one the "
                    + "Admin webapp offers its set-up page to anyone who reaches it first.";
        }
        if (password == null || password.isBlank()) {
            return "The administrator password is not set (GRIEVANCE_ADMIN_PASSWORD is empty or missing).";
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String id = adminId.toLowerCase(Locale.ROOT);
        if (DEFAULTS.contains(lower) || lower.equals(id) || lower.equals("demo-" + id)) {
            return "The administrator password (GRIEVANCE_ADMIN_PASSWORD) is a default or demo password.";
        }
        if (password.length() < MIN_LENGTH) {
            return "The administrator password (GRIEVANCE_ADMIN_PASSWORD) is shorter than " + MIN_LENGTH
                    + " characters.";
        }
        if (password.chars().distinct().count() < 4) {
            return "The administrator password (GRIEVANCE_ADMIN_PASSWORD) repeats too few different characters.";
        }
        return null;
    }

    /** A placeholder left unresolved (the variable is not set at all) counts as no value. */
    private static String safeProperty(ConfigurableEnvironment environment, String name) {
        try {
            return environment.getProperty(name);
        } catch (IllegalArgumentException unresolvable) {
            return null;
        }
    }
}
