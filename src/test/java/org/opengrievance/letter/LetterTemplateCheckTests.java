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
        copyShipped(folder);
        assertThat(Files.list(folder.resolve("es")).count()).isEqualTo(LetterKind.values().length + 1);
    }

    /** Copies processes/letters (templates, messages, fragments) into {@code folder}. */
    static void copyShipped(Path folder) throws IOException {
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath:processes/letters/*/*")) {
            String url = r.getURL().toString();
            String parent = url.substring(0, url.lastIndexOf('/'));
            parent = parent.substring(parent.lastIndexOf('/') + 1);
            Path target = folder.resolve(parent).resolve(r.getFilename());
            Files.createDirectories(target.getParent());
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, target);
            }
        }
    }

    LetterTemplateCheck check(List<String> languages) {
        LetterTemplates templates = new LetterTemplates(new DefaultResourceLoader(), folder.toUri().toString());
        return new LetterTemplateCheck(templates, languages);
    }

    @Test
    void shippedTemplatesCoverEveryKindInEveryLanguage() {
        LetterTemplates shipped = new LetterTemplates(new DefaultResourceLoader(), "classpath:processes/letters/");
        assertThat(shipped.languages()).contains("en", "es");
        assertThat(new LetterTemplateCheck(shipped, shipped.languages()).problems()).isEmpty();
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
        List<String> problems = check(List.of("en", "es", "ko")).problems();
        assertThat(problems).hasSize(LetterKind.values().length + 1)
                .allSatisfy(p -> assertThat(p).startsWith("missing ").contains("/ko/"));
        assertThat(String.join("\n", problems)).contains("ko/classification-notice.html", "ko/resolution.html",
                "ko/messages.properties");
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

    @Test
    void aSharedPartThatPrintsUnescapedTextIsRefused() throws IOException {
        Path file = folder.resolve("fragments/letter.html");
        Files.writeString(file, Files.readString(file).replace("<div class=\"org\" th:text=", "<div class=\"org\" th:utext="));
        assertThat(check(List.of("en", "es")).problems()).singleElement().asString()
                .contains("fragments/letter.html prints text unescaped");
    }

    @Test
    void aLanguageLackingAWordOfTheSharedPartsIsRefusedNamingTheKey() throws IOException {
        Path file = folder.resolve("es/messages.properties");
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^signoff=.*$", ""));
        assertThat(check(List.of("en", "es")).problems()).singleElement().asString()
                .contains("es/messages.properties lacks signoff");
    }

    @Test
    void aTemplateWithoutTheLanguageAssistanceNoticeIsRefused() throws IOException {
        Path file = folder.resolve("es/interim.html");
        Files.writeString(file, Files.readString(file).replaceAll("(?s)<div th:replace=\"~\\{fragments/language-assistance :: notice\\}\">.*?</div>", ""));
        assertThat(check(List.of("en", "es")).problems()).singleElement().asString()
                .contains("es/interim.html does not include ~{fragments/language-assistance}");
    }

    @Test
    void aPictureWithoutAltTextAndAMissingSharedPartAreRefused() throws IOException {
        Path file = folder.resolve("fragments/letter.html");
        Files.writeString(file, Files.readString(file).replace("<div class=\"org\"",
                "<img src=\"data:image/png;base64,iVBORw0KGgo=\"/><div class=\"org\""));
        Path interim = folder.resolve("en/interim.html");
        Files.writeString(interim, Files.readString(interim).replace("~{fragments/letter :: letterhead}",
                "~{fragments/letterhead :: letterhead}"));
        assertThat(check(List.of("en", "es")).problems()).hasSize(2)
                .anySatisfy(p -> assertThat(p).contains("fragments/letter.html has a picture without alt text"))
                .anySatisfy(p -> assertThat(p).contains("en/interim.html includes fragments/letterhead, which does not exist"));
    }
}
