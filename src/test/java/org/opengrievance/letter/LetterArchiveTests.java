package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengrievance.regime.Regime;

/**
 * What makes a letter archival and accessible, read back with PDFBox: the fonts shipped with the application
 * embedded (no font of the machine is used), the XMP metadata naming the letter, the document language, the
 * structure tags a screen reader follows, and a preview that says it is a draft.
 */
class LetterArchiveTests {

    static final LetterRenderer RENDERER = LetterRenderingTests.RENDERER;

    static java.util.stream.Stream<LetterKind> kinds() {
        return java.util.stream.Stream.of(LetterKind.values());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyFontOfEveryLetterIsEmbeddedAndShippedWithTheApplication(LetterKind kind) throws IOException {
        for (String language : SampleLetters.LANGUAGES) {
            byte[] pdf = RENDERER.render(SampleLetters.complete(kind, SampleLetters.regimeFor(kind), language)).pdf();
            List<PDFont> fonts = fonts(pdf);
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                // a subset of one of the DejaVu Sans faces in src/main/resources/fonts, never a system font
                assertThat(f.getName()).matches("[A-Z]{6}\\+DejaVuSans(-Bold|-Oblique|-BoldOblique)?");
            });
        }
    }

    @Test
    void lettersAreReadAsTheyAreWrittenWithoutLigatureCharacters() throws IOException {
        byte[] pdf = RENDERER.render(SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "en")).pdf();
        // each glyph's own Unicode text, as a screen reader gets it (PDFBox's extracted text would undo ligatures)
        StringBuilder glyphs = new StringBuilder();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            new org.apache.pdfbox.text.PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                    glyphs.append(text.getUnicode());
                }
            }.getText(doc);
        }
        assertThat(glyphs.toString()).contains("qualified", "file").doesNotContain("\ufb01", "\ufb02");
    }

    @Test
    void metadataNamesTheCaseKindLanguageAndTemplateVersion() throws IOException {
        LetterContent c = SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "es");
        LetterRenderer.Rendered rendered = RENDERER.render(c);
        try (PDDocument doc = Loader.loadPDF(rendered.pdf())) {
            String xmp = new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>A</pdfaid:conformance>",
                    "<pdfuaid:part>1</pdfuaid:part>",
                    "<rdf:li xml:lang=\"x-default\">Nuestra decisión sobre su queja - caso GRV-2026-000123</rdf:li>",
                    "<dc:language><rdf:Bag><rdf:li>es</rdf:li></rdf:Bag></dc:language>",
                    "<ogl:caseNumber>GRV-2026-000123</ogl:caseNumber>", "<ogl:letterKind>RESOLUTION</ogl:letterKind>",
                    "<ogl:language>es</ogl:language>",
                    "<ogl:templateVersion>" + rendered.templateVersion() + "</ogl:templateVersion>",
                    "<ogl:draft>false</ogl:draft>");
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualTo("es");
            assertThat(doc.getDocumentInformation().getTitle())
                    .isEqualTo("Nuestra decisión sobre su queja - caso GRV-2026-000123");
            assertThat(doc.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
        }
    }

    @Test
    void theLetterIsTaggedWithHeadingsParagraphsAndTablesInReadingOrder() throws IOException {
        byte[] pdf = RENDERER.render(SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "en")).pdf();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            List<String> tags = new ArrayList<>();
            collect(doc.getDocumentCatalog().getStructureTreeRoot(), tags);
            assertThat(tags).contains("Document", "H1", "H2", "P", "Table", "TR", "TD");
            assertThat(tags.indexOf("H1")).as("the heading comes before the sections").isLessThan(tags.indexOf("H2"));
        }
    }

    @Test
    void aPreviewSaysOnEveryPageAndInItsMetadataThatItIsADraftNotSent() throws IOException {
        LetterContent c = SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "en");
        byte[] draft = RENDERER.draft(c).pdf();
        try (PDDocument doc = Loader.loadPDF(draft)) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(1);
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                // the mark is set at an angle: its letters come out with spaces between them
                assertThat(stripper.getText(doc).replaceAll("\\s+", "")).as("page " + page).contains("DRAFT–notsent");
            }
            assertThat(doc.getDocumentInformation().getTitle()).startsWith("DRAFT – not sent: ");
            assertThat(new String(doc.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8))
                    .contains("<ogl:draft>true</ogl:draft>");
        }
        assertThat(PdfText.of(RENDERER.render(c).pdf())).doesNotContain("DRAFT");
    }

    private static void collect(PDStructureNode node, List<String> tags) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement e) {
                tags.add(e.getStructureType());
                collect(e, tags);
            }
        }
    }

    static List<PDFont> fonts(byte[] pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    fonts.add(resources.getFont(name));
                }
            }
        }
        return fonts;
    }
}
