package org.opengrievance.letter;

import java.util.Map;

/**
 * Configured text that letters print (the patient relations contact's name and title, the State agency, the
 * language assistance coordinator) in the letter's language: {@code grievance.letters.translations.<language>},
 * each translation keyed by the configured text itself. A text changed in the configuration therefore has no
 * translation until one is added for the new text: letters print it as configured (never a stale translation),
 * and the start-up check warns.
 */
public class LetterTranslations {

    private final Map<String, Map<String, String>> translations;

    public LetterTranslations(Map<String, Map<String, String>> translations) {
        this.translations = Map.copyOf(translations);
    }

    /** The configured text in {@code language}, or as configured when it has no translation there. */
    public String text(String language, String configured) {
        if (configured == null || configured.isBlank() || language == null) {
            return configured;
        }
        String t = translations.getOrDefault(language, Map.of()).get(configured.strip());
        return t == null || t.isBlank() ? configured : t;
    }

    /** Whether {@code language} has a translation of the configured text. */
    public boolean has(String language, String configured) {
        String t = translations.getOrDefault(language, Map.of()).get(configured == null ? "" : configured.strip());
        return t != null && !t.isBlank();
    }
}
