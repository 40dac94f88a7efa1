package org.opengrievance.letter;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Wires the letter templates, the start-up check, the rules and the renderer from {@link LetterProperties}. */
@Configuration(proxyBeanMethods = false)
class LetterConfig {

    @Bean
    LetterTemplates letterTemplates(ResourceLoader resourceLoader, LetterProperties properties) {
        return new LetterTemplates(resourceLoader, properties.templateLocation());
    }

    /** Fails the application start, naming the files, when a language lacks a template, a fragment is broken, ... */
    @Bean
    LetterTemplateCheck letterTemplateCheck(LetterTemplates templates, LetterProperties properties) {
        return new LetterTemplateCheck(templates, languages(templates, properties), properties);
    }

    @Bean
    LetterRules letterRules(LetterTemplates templates, LetterProperties properties) {
        return new LetterRules(languages(templates, properties));
    }

    @Bean
    LetterTranslations letterTranslations(LetterProperties properties) {
        return new LetterTranslations(properties.translations());
    }

    @Bean
    LetterRenderer letterRenderer(LetterTemplates templates, LetterProperties properties,
            LetterTemplateCheck checkedFirst, Clock clock) {
        return new LetterRenderer(templates, properties, languages(templates, properties), clock);
    }

    /** The configured languages, or every language the templates folder has. */
    private static List<String> languages(LetterTemplates templates, LetterProperties properties) {
        return properties.languages().isEmpty() ? templates.languages() : properties.languages();
    }
}
