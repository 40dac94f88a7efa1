package org.opengrievance.letter;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where letter templates live, which languages every letter must exist in, and an optional Unicode font.
 *
 * @param templateLocation a Spring resource location ending in "/"; {@code classpath:processes/letters/} is
 *                         the repository's {@code processes/letters/} folder; a {@code file:} location lets a
 *                         director's edits apply without a rebuild
 * @param languages        every language a letter may be written in; each kind needs a template in each
 *                         (the application refuses to start otherwise)
 * @param fontRegular      optional path of a TrueType font to embed (regular weight), for names and text beyond
 *                         the Western European characters of the standard PDF fonts
 * @param fontBold         optional path of the bold face of the same font
 */
@Validated
@ConfigurationProperties(prefix = "grievance.letters")
public record LetterProperties(
        @DefaultValue("classpath:processes/letters/") @NotBlank String templateLocation,
        @DefaultValue({"en", "es"}) @NotEmpty List<String> languages,
        String fontRegular,
        String fontBold) {

    public LetterProperties {
        languages = List.copyOf(languages);
        if (!templateLocation.endsWith("/")) {
            templateLocation = templateLocation + "/";
        }
    }
}
