package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opengrievance.regime.Regime;

/**
 * Language assistance: every letter carries the notice of nondiscrimination and the taglines of its regime
 * (45 CFR 92.11 for hospitals, Medicaid and CHIP; the multi-language insert for Medicare plans); the preferred
 * language picks the letter's language, with English and the taglines when it has no templates, recorded on the
 * letter; configured text is translated.
 */
class LetterLanguageTests {

    static final LetterRenderer RENDERER = LetterRenderingTests.RENDERER;

    /** One tagline per script the shipped taglines use (Latin, Vietnamese, Cyrillic, Greek). */
    static final List<String> TAGLINES_1557 = List.of("ATENCIÓN: si habla español",
            "CHÚ Ý: Nếu bạn nói Tiếng Việt", "ВНИМАНИЕ: Если вы говорите на русском языке",
            "PAUNAWA: Kung nagsasalita ka ng Tagalog", "ΠΡΟΣΟΧΗ: Αν μιλάτε ελληνικά", "(555) 010-0100 (TTY: 711)");
    static final List<String> MEDICARE_INSERT = List.of("We have free interpreter services to answer any questions",
            "Tenemos servicios de intérprete sin costo alguno", "Chúng tôi có dịch vụ thông dịch miễn phí",
            "(555) 010-0300");

    @ParameterizedTest
    @EnumSource(LetterKind.class)
    void everyLetterInEveryLanguageCarriesTheNoticeAndTheTaglinesOfItsRegime(LetterKind kind) {
        for (String language : SampleLetters.LANGUAGES) {
            for (Regime regime : Regime.values()) {
                if (!kind.appliesTo(regime)) {
                    continue;
                }
                // a line may break after the hyphen of a phone number
                String text = PdfText.of(RENDERER.render(SampleLetters.complete(kind, regime, language)).pdf())
                        .replace("- ", "-");
                String what = kind + " " + regime + " in " + language;
                assertThat(text).as(what).contains("ocrportal.hhs.gov", "1-800-368-1019");
                if (LetterRules.isMedicarePlan(regime)) {
                    assertThat(text).as(what).contains(MEDICARE_INSERT).doesNotContain("ATENCIÓN: si habla español");
                } else {
                    assertThat(text).as(what).contains(TAGLINES_1557).doesNotContain("Tenemos servicios de intérprete");
                }
            }
        }
    }

    @Test
    void medicaidLettersCarryTheLargePrintTaglineIn18Points() throws IOException {
        byte[] pdf = RENDERER.render(SampleLetters.complete(LetterKind.ACKNOWLEDGEMENT, Regime.MEDICAID, "en")).pdf();
        String tagline = "You can get this letter and other information in large print";
        assertThat(PdfText.of(pdf)).contains(tagline);
        assertThat(LetterLargePrintTests.sizesOf(pdf, "large print and other formats at no cost")).allSatisfy(
                size -> assertThat(size).isGreaterThanOrEqualTo(18f));
    }

    @Test
    void theNoticeIsInTheLettersLanguage() {
        Map<String, String> heading = Map.of("en", "Help in your language, free aids and your rights",
                "es", "Ayuda en su idioma, ayudas gratuitas y sus derechos",
                "vi", "Trợ giúp bằng ngôn ngữ của quý vị", "ru", "Помощь на вашем языке");
        for (String language : SampleLetters.LANGUAGES) {
            String text = PdfText.of(RENDERER.render(
                    SampleLetters.complete(LetterKind.ACKNOWLEDGEMENT, Regime.HOSPITAL_COP, language)).pdf());
            assertThat(text).as(language).contains(heading.get(language));
        }
    }

    @Test
    void aPreferredLanguageWithoutTemplatesGetsTheEnglishLetterWithTheTaglinesAndTheFallbackIsRecorded()
            throws IOException {
        LetterContent korean = SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "ko");
        LetterRenderer.Rendered letter = RENDERER.render(korean);
        assertThat(letter.language()).isEqualTo("en");
        assertThat(letter.fallback()).isTrue();
        String text = PdfText.of(letter.pdf());
        assertThat(text).contains("Our decision on your grievance",
                "This letter is in English because we do not have it in your language (Korean) yet.")
                .contains(TAGLINES_1557);
        try (PDDocument doc = Loader.loadPDF(letter.pdf())) {
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8))
                    .contains("<ogl:language>en</ogl:language>", "<ogl:requestedLanguage>ko</ogl:requestedLanguage>");
        }
        LetterRenderer.Rendered spanish = RENDERER.render(korean.toBuilder().language("es").build());
        assertThat(spanish.language()).isEqualTo("es");
        assertThat(spanish.fallback()).isFalse();
        assertThat(PdfText.of(spanish.pdf())).doesNotContain("This letter is in English", "Esta carta está en inglés");
    }

    @Test
    void configuredTextIsPrintedInTheLettersLanguageWhereATranslationIsConfigured() {
        LetterProperties shipped = LetterRenderer.defaults();
        LetterRenderer translating = new LetterRenderer(LetterRenderingTests.TEMPLATES, new LetterProperties(
                shipped.templateLocation(), List.of(), "en", shipped.assistance(),
                Map.of("es", Map.of("Section 1557 Coordinator", "Coordinador(a) de la Sección 1557")), null, null),
                List.of(), java.time.Clock.systemUTC());
        String es = PdfText.of(translating.render(
                SampleLetters.complete(LetterKind.INTERIM, Regime.HOSPITAL_COP, "es")).pdf());
        assertThat(es).contains("Coordinador(a) de la Sección 1557").doesNotContain("Section 1557 Coordinator");
        String ru = PdfText.of(translating.render(
                SampleLetters.complete(LetterKind.INTERIM, Regime.HOSPITAL_COP, "ru")).pdf());
        assertThat(ru).as("no Russian translation: printed as configured").contains("Section 1557 Coordinator");
    }
}
