package org.opengrievance.notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opengrievance.letter.LetterProperties;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterTranslations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Start-up warning: a configured text letters print (the contact's name and title, the State agency, the
 * language assistance coordinator) that has no translation in a language letters are written in. Those letters
 * print the text as configured; the warning names the setting to add. Not a start-up error: the text is still
 * correct, only not translated.
 */
@Component
class NoticeTranslationCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(NoticeTranslationCheck.class);

    private final NoticeProperties notices;
    private final LetterProperties letterProperties;
    private final LetterService letters;
    private final LetterTranslations translations;

    NoticeTranslationCheck(NoticeProperties notices, LetterProperties letterProperties, LetterService letters,
            LetterTranslations translations) {
        this.notices = notices;
        this.letterProperties = letterProperties;
        this.letters = letters;
        this.translations = translations;
    }

    @Override
    public void afterPropertiesSet() {
        untranslated().forEach(log::warn);
    }

    /** One sentence per configured text without a translation in a letter language. */
    List<String> untranslated() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("grievance.notices.contact.name", notices.contact().name());
        texts.put("grievance.notices.contact.title", notices.contact().title());
        texts.put("grievance.notices.state-agency", notices.stateAgency());
        texts.put("grievance.letters.assistance.coordinator", letterProperties.assistance().coordinator());
        List<String> warnings = new ArrayList<>();
        for (String language : letters.languages()) {
            if (language.equals(letterProperties.defaultLanguage())) {
                continue;
            }
            texts.forEach((setting, text) -> {
                if (text != null && !text.isBlank() && !translations.has(language, text)) {
                    warnings.add("Letters in \"" + language + "\" print " + setting + " untranslated (\"" + text
                            + "\"): add grievance.letters.translations." + language + ".[" + text.strip() + "]");
                }
            });
        }
        return warnings;
    }
}
