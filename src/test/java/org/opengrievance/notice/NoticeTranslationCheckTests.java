package org.opengrievance.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.opengrievance.letter.LetterProperties;
import org.opengrievance.letter.LetterTranslations;
import org.opengrievance.support.GrievanceAppTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Configured text letters print has a translation in every letter language; a text without one is printed as
 * configured, with a start-up warning naming the setting to add.
 */
@GrievanceAppTest
class NoticeTranslationCheckTests {

    @Autowired NoticeTranslationCheck shipped;
    @Autowired NoticeProperties notices;
    @Autowired LetterProperties letters;
    @Autowired org.opengrievance.letter.LetterService letterService;

    @Test
    void theShippedConfigurationTranslatesEveryTextLettersPrintIntoEveryLetterLanguage() {
        assertThat(letterService.languages()).contains("es", "vi", "ru");
        assertThat(shipped.untranslated()).isEmpty();
    }

    @Test
    void aConfiguredTextWithoutATranslationIsNamedWithTheSettingToAdd() {
        NoticeProperties renamed = new NoticeProperties(notices.from(),
                new NoticeProperties.Contact("Guest Services", notices.contact().title(), notices.contact().phone()),
                notices.qio(), notices.stateAgency());
        NoticeTranslationCheck check = new NoticeTranslationCheck(renamed, letters, letterService,
                new LetterTranslations(letters.translations()));
        List<String> warnings = check.untranslated();
        assertThat(warnings).hasSize(3).allSatisfy(w -> assertThat(w).contains("grievance.notices.contact.name",
                "\"Guest Services\"", "[Guest Services]"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("Letters in \"es\"")
                .endsWith("add grievance.letters.translations.es.[Guest Services]"));
        assertThat(new LetterTranslations(letters.translations()).text("es", "Guest Services"))
                .isEqualTo("Guest Services");
        assertThat(new LetterTranslations(letters.translations()).text("es", "Patient Relations Office"))
                .isEqualTo("Oficina de Relaciones con el Paciente");
    }
}
