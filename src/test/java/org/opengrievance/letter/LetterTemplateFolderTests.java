package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opengrievance.regime.Regime;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * What a director changes in the templates folder, without Java or configuration: a shared part changed once
 * changes every letter, and a language added as files (templates and a messages file) is a letter language.
 */
class LetterTemplateFolderTests {

    @TempDir
    Path folder;

    @BeforeEach
    void copyShippedTemplates() throws IOException {
        LetterTemplateCheckTests.copyShipped(folder);
    }

    LetterTemplates templates() {
        return new LetterTemplates(new DefaultResourceLoader(), folder.toUri().toString());
    }

    LetterRenderer renderer() {
        LetterProperties shipped = LetterRenderer.defaults();
        return new LetterRenderer(templates(), new LetterProperties(folder.toUri().toString(), List.of(),
                shipped.defaultLanguage(), shipped.assistance(), shipped.translations(), null, null),
                List.of(), java.time.Clock.systemUTC());
    }

    @Test
    void aLetterheadChangedOnceInTheSharedPartsIsInEveryKindInEveryLanguage() throws IOException {
        Path letter = folder.resolve("fragments/letter.html");
        String shared = Files.readString(letter);
        String changed = shared.replace("<div class=\"org\" th:text=\"${organizationName}\">Organization</div>",
                "<div class=\"org\" th:text=\"${organizationName}\">Organization</div>\n"
                        + "    <div>A member of Lakeview Health Partners</div>");
        assertThat(changed).isNotEqualTo(shared);
        Files.writeString(letter, changed);
        LetterRenderer renderer = renderer();
        for (String language : templates().languages()) {
            for (LetterKind kind : LetterKind.values()) {
                LetterContent c = SampleLetters.complete(kind, SampleLetters.regimeFor(kind), language);
                assertThat(PdfText.of(renderer.render(c).pdf())).as(kind + " in " + language)
                        .contains("A member of Lakeview Health Partners");
            }
        }
        assertThat(templates().languages()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aSharedPartChangeChangesTheRecordedTemplateVersion() throws IOException {
        LetterContent c = SampleLetters.complete(LetterKind.INTERIM, Regime.HOSPITAL_COP, "en");
        String before = renderer().render(c).templateVersion();
        Path signoff = folder.resolve("en/messages.properties");
        Files.writeString(signoff, Files.readString(signoff).replace("signoff=Sincerely,", "signoff=Yours sincerely,"));
        LetterRenderer.Rendered after = renderer().render(c);
        assertThat(PdfText.of(after.pdf())).contains("Yours sincerely,");
        assertThat(after.templateVersion()).startsWith("2+").isNotEqualTo(before);
    }

    @Test
    void aThirdLanguageAddedAsFilesOnlyIsWrittenInThatLanguage() throws IOException {
        // French, added the way a director adds a language: a folder with the five templates and the messages
        Path fr = Files.createDirectories(folder.resolve("fr"));
        for (LetterKind kind : LetterKind.values()) {
            String en = Files.readString(folder.resolve("en/" + kind.templateName() + ".html"));
            Files.writeString(fr.resolve(kind.templateName() + ".html"), en.replace("lang=\"en\"", "lang=\"fr\"")
                    .replace("<h1>", "<h1>Lettre en français : "));
        }
        String messages = Files.readString(folder.resolve("en/messages.properties"))
                .replace("signoff=Sincerely,", "signoff=Veuillez agréer nos salutations distinguées,")
                .replace("ref.caseNumber=Case number:", "ref.caseNumber=Numéro de dossier :");
        Files.writeString(fr.resolve("messages.properties"), messages, StandardCharsets.UTF_8);

        assertThat(templates().languages()).contains("fr");
        assertThat(new LetterTemplateCheck(templates(), templates().languages()).problems()).isEmpty();
        LetterRenderer renderer = renderer();
        for (LetterKind kind : LetterKind.values()) {
            LetterContent c = SampleLetters.complete(kind, SampleLetters.regimeFor(kind), "fr");
            LetterRenderer.Rendered letter = renderer.render(c);
            assertThat(letter.language()).isEqualTo("fr");
            assertThat(letter.fallback()).isFalse();
            assertThat(PdfText.of(letter.pdf())).contains("Lettre en français", "Numéro de dossier :",
                    "Veuillez agréer nos salutations distinguées,", "décembre 2026");
            try (PDDocument doc = Loader.loadPDF(letter.pdf())) {
                assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("fr");
            }
        }
        // the shipped renderer, which has no French, writes the same letter in English with the taglines
        LetterRenderer.Rendered shipped = LetterRenderingTests.RENDERER.render(
                SampleLetters.complete(LetterKind.INTERIM, Regime.HOSPITAL_COP, "fr"));
        assertThat(shipped.language()).isEqualTo("en");
        assertThat(shipped.fallback()).isTrue();
    }
}
