package org.opengrievance.trends;

import java.util.List;
import java.util.Optional;

import org.opengrievance.tasks.Labels;

/**
 * The seven HCAT problem categories in the 2016 tool's order, with the domain each belongs to (Gillespie and
 * Reader 2016; codes as the {@code codeIssue} form stores them). The domain is not stored on the case: it
 * follows from the category. The words for a category are staff's, in {@link Labels}.
 */
enum HcatCategories {
    QUALITY("Clinical"),
    SAFETY("Clinical"),
    ENVIRONMENT("Management"),
    INSTITUTIONAL_PROCESSES("Management"),
    LISTENING("Relationships"),
    COMMUNICATION("Relationships"),
    RESPECT_AND_RIGHTS("Relationships");

    private final String domain;

    HcatCategories(String domain) {
        this.domain = domain;
    }

    String domain() {
        return domain;
    }

    String label() {
        return Labels.of(name());
    }

    static Optional<HcatCategories> of(String code) {
        return List.of(values()).stream().filter(c -> c.name().equals(code)).findFirst();
    }

    /** The category's words; an unknown code (a form changed by the director) as the code itself. */
    static String label(String code) {
        return of(code).map(HcatCategories::label).orElse(code);
    }
}
