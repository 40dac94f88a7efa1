package org.opengrievance.letter;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where letter templates live, the language letters fall back to, the language assistance contact, the
 * translations of configured text, and an optional additional font.
 *
 * @param templateLocation a Spring resource location ending in "/"; {@code classpath:processes/letters/} is
 *                         the repository's {@code processes/letters/} folder; a {@code file:} location lets a
 *                         director's edits apply without a rebuild. Every folder in it with a
 *                         {@code messages.properties} is a language letters can be written in
 * @param languages        optional: only these of the languages found (empty: every language found)
 * @param defaultLanguage  the language of a letter whose recipient prefers a language without templates; the
 *                         letter then carries the taglines and records the fallback
 * @param assistance       who helps with language assistance and auxiliary aids (45 CFR 92.11, the Medicare
 *                         multi-language insert), printed in every letter's notice
 * @param translations     per language, the translation of each configured text letters print, keyed by the
 *                         text itself ({@link LetterTranslations}); a missing one prints the configured text,
 *                         with a warning at start-up
 * @param fontRegular      optional path of an additional TrueType font (regular weight) for scripts the shipped
 *                         DejaVu Sans lacks (Chinese, Korean, ...); letters fall back to it glyph by glyph
 * @param fontBold         optional path of the bold face of the same font
 */
@Validated
@ConfigurationProperties(prefix = "grievance.letters")
public record LetterProperties(
        @DefaultValue("classpath:processes/letters/") @NotBlank String templateLocation,
        List<String> languages,
        @DefaultValue("en") @NotBlank @Pattern(regexp = LetterLanguages.CODE) String defaultLanguage,
        @Valid @NotNull @DefaultValue Assistance assistance,
        Map<String, Map<String, String>> translations,
        String fontRegular,
        String fontBold) {

    public LetterProperties {
        languages = languages == null ? List.of() : List.copyOf(languages);
        translations = translations == null ? Map.of() : Map.copyOf(translations);
        if (!templateLocation.endsWith("/")) {
            templateLocation = templateLocation + "/";
        }
    }

    /**
     * The language assistance contact every letter names.
     *
     * @param coordinator who coordinates language assistance and the nondiscrimination grievance procedure
     * @param phone       the free number for language assistance and auxiliary aids
     * @param tty         the TTY number (711 is the relay service)
     * @param planPhone   a health plan's member services number for its letters' multi-language insert
     */
    public record Assistance(
            @DefaultValue("Section 1557 Coordinator") @NotBlank String coordinator,
            @DefaultValue("(555) 010-0100") @NotBlank String phone,
            @DefaultValue("711") @NotBlank String tty,
            @DefaultValue("(555) 010-0300") @NotBlank String planPhone) {
    }
}
