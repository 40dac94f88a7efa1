package org.opengrievance.trends;

import java.util.List;
import java.util.Optional;

/**
 * The seven HCAT problem categories in the 2016 tool's order, with the domain each belongs to (Gillespie and
 * Reader 2016; codes as the {@code codeIssue} form stores them). The domain is not stored on the case: it
 * follows from the category.
 */
enum HcatCategories {
    QUALITY("Clinical", "Quality"),
    SAFETY("Clinical", "Safety"),
    ENVIRONMENT("Management", "Environment"),
    INSTITUTIONAL_PROCESSES("Management", "Institutional processes"),
    LISTENING("Relationships", "Listening"),
    COMMUNICATION("Relationships", "Communication"),
    RESPECT_AND_RIGHTS("Relationships", "Respect and patient rights");

    private final String domain;
    private final String label;

    HcatCategories(String domain, String label) {
        this.domain = domain;
        this.label = label;
    }

    String domain() {
        return domain;
    }

    String label() {
        return label;
    }

    static Optional<HcatCategories> of(String code) {
        return List.of(values()).stream().filter(c -> c.name().equals(code)).findFirst();
    }

    /** The category's words; an unknown code (a form changed by the director) as the code itself. */
    static String label(String code) {
        return of(code).map(HcatCategories::label).orElse(code);
    }
}
