package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengrievance.regime.Regime;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every letter kind in every language, as stored and as previewed (in large print), passes veraPDF's PDF/A-2a (archival:
 * embedded fonts, output intent, XMP metadata, tagged) and PDF/UA-1 (accessible) profiles. The totals are
 * printed for the CI log.
 */
class LetterConformanceTests {

    static final List<PDFAFlavour> PROFILES = List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1);
    static final AtomicInteger LETTERS = new AtomicInteger();
    static final AtomicInteger VALIDATIONS = new AtomicInteger();
    static final AtomicInteger CHECKS = new AtomicInteger();
    static final List<String> FAILED_RULES = new ArrayList<>();

    /** Each kind under each kind of organisation that sends it, in every shipped language. */
    static Stream<Arguments> letters() {
        List<Arguments> all = new ArrayList<>();
        for (String language : SampleLetters.LANGUAGES) {
            for (LetterKind kind : LetterKind.values()) {
                for (Regime regime : List.of(Regime.HOSPITAL_COP, Regime.MEDICARE_ADVANTAGE, Regime.MEDICAID)) {
                    if (kind.appliesTo(regime)) {
                        all.add(Arguments.of(kind, regime, language));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} in {2}")
    @MethodSource("letters")
    void everyLetterIsArchivalPdfAAndAccessiblePdfUa(LetterKind kind, Regime regime, String language) {
        LetterContent c = SampleLetters.complete(kind, regime, language).toBuilder()
                .qualityOfCare(kind == LetterKind.RESOLUTION).medicareBeneficiary(true).qio(SampleLetters.QIO).build();
        List<String> failures = new ArrayList<>();
        failures.addAll(validate("stored", LetterRenderingTests.RENDERER.render(c).pdf()));
        failures.addAll(validate("large-print preview",
                LetterRenderingTests.RENDERER.draft(c.toBuilder().largePrint(true).build()).pdf()));
        assertThat(failures).as("veraPDF failures").isEmpty();
    }

    @org.junit.jupiter.api.Test
    void veraPdfRefusesAPdfThatIsNeitherArchivalNorTagged() throws java.io.IOException {
        // what letters were before: a standard font that is not embedded, no metadata, no tags
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
            org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage();
            doc.addPage(page);
            try (var text = new org.apache.pdfbox.pdmodel.PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new org.apache.pdfbox.pdmodel.font.PDType1Font(
                        org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText("We received your grievance.");
                text.endText();
            }
            doc.save(out);
        }
        for (PDFAFlavour profile : PROFILES) {
            VeraPdf.Report report = VeraPdf.validate(out.toByteArray(), profile);
            assertThat(report.compliant()).as(profile.getId()).isFalse();
            assertThat(report.failures()).as(profile.getId()).isNotEmpty();
        }
    }

    private static List<String> validate(String what, byte[] pdf) {
        LETTERS.incrementAndGet();
        List<String> failures = new ArrayList<>();
        for (PDFAFlavour profile : PROFILES) {
            VeraPdf.Report report = VeraPdf.validate(pdf, profile);
            VALIDATIONS.incrementAndGet();
            CHECKS.addAndGet(report.checks());
            report.failures().forEach(f -> failures.add(what + " " + profile.getId() + " " + f));
            if (!report.compliant() && report.failures().isEmpty()) {
                failures.add(what + " " + profile.getId() + ": not compliant, no rule named");
            }
        }
        synchronized (FAILED_RULES) {
            FAILED_RULES.addAll(failures);
        }
        return failures;
    }

    @AfterAll
    static void printCounts() {
        System.out.println("veraPDF: " + LETTERS.get() + " letters checked against " + PROFILES.stream()
                .map(p -> p.getId()).toList() + " (" + VALIDATIONS.get() + " validations, " + CHECKS.get()
                + " checks), " + FAILED_RULES.size() + " rules failed");
    }
}
