package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Start-up check: a letter kind without a template in a supported language stops the application. */
class LetterTemplateCheckTests {

    @TempDir
    Path folder;

    /** A copy of the shipped templates, to break one at a time. */
    @BeforeEach
    void copyShippedTemplates() throws IOException {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:processes/letters/*/*.html")) {
            String url = r.getURL().toString();
            String language = url.substring(0, url.lastIndexOf('/'));
            language = language.substring(language.lastIndexOf('/') + 1);
            Path target = folder.resolve(language).resolve(r.getFilename());
            Files.createDirectories(target.getParent());
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, target);
            }
        }
        assertThat(Files.list(folder.resolve("es")).count()).isEqualTo(LetterKind.values().length);
    }

    LetterTemplateCheck check(List<String> languages) {
        LetterTemplates templates = new LetterTemplates(new DefaultResourceLoader(), folder.toUri().toString());
        return new LetterTemplateCheck(templates, languages);
    }

    @Test
    void shippedTemplatesCoverEveryKindInEveryLanguage() {
        LetterTemplates shipped = new LetterTemplates(new DefaultResourceLoader(), "classpath:processes/letters/");
        assertThat(new LetterTemplateCheck(shipped, List.of("en", "es")).problems()).isEmpty();
        assertThatCode(() -> check(List.of("en", "es")).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void aMissingSpanishTemplateStopsTheStartNamingTheFile() throws IOException {
        Files.delete(folder.resolve("es/interim.html"));
        assertThatThrownBy(() -> check(List.of("en", "es")).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing " + folder.toUri() + "es/interim.html")
                .hasMessageContaining("interim (\"still working\") letter in \"es\"")
                .hasMessageContaining("no fallback")
                .hasMessageNotContaining("en/interim.html");
    }

    @Test
    void aNewLanguageNeedsEveryTemplateBeforeTheApplicationStarts() {
        List<String> problems = check(List.of("en", "es", "vi")).problems();
        assertThat(problems).hasSize(LetterKind.values().length)
                .allSatisfy(p -> assertThat(p).startsWith("missing ").contains("/vi/"));
        assertThat(String.join("\n", problems)).contains("vi/classification-notice.html", "vi/resolution.html");
    }

    @Test
    void aTemplateWithoutVersionIsRefused() throws IOException {
        Path file = folder.resolve("en/resolution.html");
        Files.writeString(file, Files.readString(file).replace("name=\"template-version\"", "name=\"author\""));
        assertThat(check(List.of("en", "es")).problems()).singleElement().asString()
                .contains("en/resolution.html has no <meta name=\"template-version\"");
    }

    @Test
    void aTemplateThatIsNotWellFormedXhtmlIsRefusedWithItsLine() throws IOException {
        Path file = folder.resolve("es/acknowledgement.html");
        Files.writeString(file, Files.readString(file).replace("<p>Gracias", "<p>&nbsp;Gracias"));
        assertThat(check(List.of("en", "es")).problems()).singleElement().asString()
                .contains("es/acknowledgement.html is not well-formed XHTML at line").contains("nbsp");
    }

    @Test
    void aTemplateThatPrintsUnescapedTextIsRefused() throws IOException {
        Path file = folder.resolve("en/acknowledgement.html");
        Files.writeString(file, Files.readString(file).replace("class=\"quote\" th:text=", "class=\"quote\" th:utext="));
        assertThat(check(List.of("en", "es")).problems()).singleElement().asString()
                .contains("en/acknowledgement.html prints text unescaped");
    }
}
