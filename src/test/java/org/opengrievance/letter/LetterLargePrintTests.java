package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Large print on request: the same letter with every character at 18 pt or more, recorded in the letter. */
class LetterLargePrintTests {

    @ParameterizedTest
    @EnumSource(LetterKind.class)
    void aLargePrintLetterPrintsEveryCharacterAt18PointsOrMore(LetterKind kind) throws IOException {
        for (String language : SampleLetters.LANGUAGES) {
            LetterContent c = SampleLetters.complete(kind, SampleLetters.regimeFor(kind), language);
            byte[] standard = LetterRenderingTests.RENDERER.render(c).pdf();
            LetterRenderer.Rendered large = LetterRenderingTests.RENDERER.render(c.toBuilder().largePrint(true).build());
            assertThat(large.largePrint()).isTrue();

            List<Float> sizes = sizesOf(large.pdf(), null);
            assertThat(sizes).isNotEmpty().allSatisfy(size -> assertThat(size).as(kind + " in " + language)
                    .isGreaterThanOrEqualTo(18f));
            assertThat(sizesOf(standard, null)).as("standard print is smaller").anySatisfy(
                    size -> assertThat(size).isLessThan(12f));
            assertThat(PdfText.of(large.pdf())).contains(c.caseNumber(), c.patientName());
            try (PDDocument doc = Loader.loadPDF(large.pdf())) {
                assertThat(new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8))
                        .contains("<ogl:largePrint>true</ogl:largePrint>");
            }
        }
    }

    /**
     * The size in points of every character printed (PDFBox text positions: the font size times the text
     * matrix' scale); with {@code within}, only those of the lines that contain it.
     */
    static List<Float> sizesOf(byte[] pdf, String within) {
        List<Float> sizes = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    if (within == null || text.contains(within)) {
                        for (TextPosition p : positions) {
                            if (!p.getUnicode().isBlank()) {
                                sizes.add(p.getFontSizeInPt());
                            }
                        }
                    }
                }
            };
            stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sizes;
    }
}
