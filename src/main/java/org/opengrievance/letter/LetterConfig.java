package org.opengrievance.letter;

import java.time.Clock;

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

    /** Fails the application start, naming the files, when a kind lacks a template in a supported language. */
    @Bean
    LetterTemplateCheck letterTemplateCheck(LetterTemplates templates, LetterProperties properties) {
        return new LetterTemplateCheck(templates, properties.languages());
    }

    @Bean
    LetterRules letterRules(LetterProperties properties) {
        return new LetterRules(properties.languages());
    }

    @Bean
    LetterRenderer letterRenderer(LetterTemplates templates, LetterProperties properties,
            LetterTemplateCheck checkedFirst, Clock clock) {
        return new LetterRenderer(templates, properties.fontRegular(), properties.fontBold(), clock);
    }
}
