package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengrievance.letter.LetterContent.Extension;
import org.opengrievance.letter.LetterContent.ExtensionRequester;
import org.opengrievance.letter.LetterContent.HandledAs;
import org.opengrievance.regime.Regime;
import org.springframework.core.io.DefaultResourceLoader;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The shipped templates, filled in and rendered to PDF, read back as text with PDFBox. */
class LetterRenderingTests {

    static final LetterTemplates TEMPLATES = new LetterTemplates(new DefaultResourceLoader(),
            "classpath:processes/letters/");
    static final LetterRenderer RENDERER = new LetterRenderer(TEMPLATES);

    /** Dates as each language writes them. */
    static final Map<String, Map<String, String>> DATES = Map.of(
            "en", Map.of("received", "December 4, 2026", "letter", "December 10, 2026", "due", "December 11, 2026",
                    "completed", "December 9, 2026", "followUp", "January 3, 2027", "newDue", "January 17, 2027"),
            "es", Map.of("received", "4 de diciembre de 2026", "letter", "10 de diciembre de 2026",
                    "due", "11 de diciembre de 2026", "completed", "9 de diciembre de 2026",
                    "followUp", "3 de enero de 2027", "newDue", "17 de enero de 2027"));

    static String pdfText(LetterContent content) {
        return PdfText.of(RENDERER.render(content).pdf());
    }

    static Stream<Arguments> kindsAndLanguages() {
        return Stream.of(LetterKind.values()).flatMap(k -> Stream.of("en", "es").map(l -> Arguments.of(k, l)));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("kindsAndLanguages")
    void everyKindInEveryLanguagePrintsItsRequiredElementsWithTheCaseValues(LetterKind kind, String language) {
        LetterContent c = SampleLetters.complete(kind, SampleLetters.regimeFor(kind), language);
        assertThat(new LetterRules(List.of("en", "es")).missing(c)).isEmpty();
        Map<String, String> d = DATES.get(language);
        boolean es = language.equals("es");

        List<String> expected = new ArrayList<>(List.of(c.caseNumber(), c.patientName(), c.organizationName(),
                d.get("letter"), d.get("received"), c.contact().name(), c.contact().phone(),
                "Chicago, IL 60610"));
        switch (kind) {
            case ACKNOWLEDGEMENT -> expected.addAll(List.of(d.get("due"), c.complaintSummary(),
                    es ? "Recibimos su queja" : "We received your grievance"));
            case INTERIM -> expected.addAll(List.of(d.get("followUp"),
                    es ? "seguimos trabajando para resolverla" : "still working to resolve it",
                    es ? "Le enviaremos una respuesta por escrito a más tardar el" : "We will send you a written response by"));
            case EXTENSION -> expected.addAll(List.of(d.get("newDue"), c.extension().reason(),
                    c.extension().informationNeeded(), c.extension().enrolleeInterest(), c.memberId(),
                    es ? "tiene derecho a presentar una queja acelerada" : "you have the right to file an expedited grievance"));
            case RESOLUTION -> expected.addAll(List.of(c.stepsTaken(), c.results(), d.get("completed"),
                    c.issues().get(0).description(), c.issues().get(0).answer(),
                    c.issues().get(1).description(), c.issues().get(1).answer(),
                    es ? "Fecha de finalización" : "Date of completion"));
            case CLASSIFICATION_NOTICE -> expected.addAll(List.of(c.classificationExplanation(), c.memberId(),
                    es ? "Trataremos su reclamo como una queja formal" : "We will handle your complaint as a grievance"));
        }
        assertThat(pdfText(c)).contains(expected.stream().map(PdfText::flat).toList());
    }

    @Test
    void spanishLettersPrintAccentsAndEnye() {
        String text = pdfText(SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "es"));
        assertThat(text).contains("Ana Peña Sáenz", "Nuestra decisión", "Número de caso", "revisión", "Atentamente,");
        assertThat(text).contains("á", "ñ", "í", "ó", "ú");
    }

    @Test
    void patientTextIsPrintedLiterallyNeverAsMarkup() {
        String hostile = "<script>alert(1)</script> and <b>bold</b> & \"quotes\"";
        LetterContent c = SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "en").toBuilder()
                .complaintSummary(hostile)
                .patientName("Pat <i>Testpatient</i>")
                .issues(List.of(new LetterContent.IssueLine("<img src=\"http://example.invalid/x.png\"/>",
                        "Answered <u>here</u>")))
                .build();

        LetterRenderer.Html html = RENDERER.html(c);
        Document doc = html.document();
        assertThat(doc.getElementsByTagNameNS("*", "script").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS("*", "i").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS("*", "u").getLength()).isZero();
        assertThat(doc.getElementsByTagNameNS("*", "img").getLength()).isZero();
        NodeList bold = doc.getElementsByTagNameNS("*", "b");
        for (int i = 0; i < bold.getLength(); i++) {
            assertThat(bold.item(i).getTextContent()).isNotEqualTo("bold");
        }
        assertThat(html.xhtml()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");

        String text = pdfText(c);
        assertThat(text).contains("<script>alert(1)</script> and <b>bold</b> & \"quotes\"",
                "Pat <i>Testpatient</i>", "<img src=\"http://example.invalid/x.png\"/>", "Answered <u>here</u>");
    }

    @Test
    void recordedTemplateVersionIsTheMetaVersionPlusTheTemplateHash() {
        LetterContent c = SampleLetters.complete(LetterKind.INTERIM, Regime.HOSPITAL_COP, "en");
        String version = RENDERER.render(c).templateVersion();
        assertThat(version).matches("2\\+[0-9a-f]{12}");
        assertThat(RENDERER.render(c).templateVersion()).isEqualTo(version);
    }

    @Test
    void hospitalResolutionCarriesTheQioParagraphOnlyForAMedicareQualityOrDischargeConcern() {
        LetterContent base = SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "en").toBuilder()
                .qio(SampleLetters.QIO).build();
        String medicareQuality = pdfText(base.toBuilder().medicareBeneficiary(true).qualityOfCare(true).build());
        assertThat(medicareQuality).contains("Quality Improvement Organization (QIO)", SampleLetters.QIO.name(),
                SampleLetters.QIO.phone(), SampleLetters.QIO.address(), "Medicare beneficiary");
        String medicareDischarge = pdfText(base.toBuilder().medicareBeneficiary(true).prematureDischarge(true).build());
        assertThat(medicareDischarge).contains(SampleLetters.QIO.name(), "discharge you believe was too early");

        String commercialQuality = pdfText(base.toBuilder().medicareBeneficiary(false).qualityOfCare(true).build());
        assertThat(commercialQuality).doesNotContain("Quality Improvement Organization", SampleLetters.QIO.name());
        String medicareMeals = pdfText(base.toBuilder().medicareBeneficiary(true).build());
        assertThat(medicareMeals).doesNotContain("Quality Improvement Organization", SampleLetters.QIO.name());
    }

    @Test
    void planResolutionOfAQualityOfCareGrievanceStatesTheRightToComplainToTheQio() {
        LetterContent c = SampleLetters.complete(LetterKind.RESOLUTION, Regime.MEDICARE_ADVANTAGE, "es").toBuilder()
                .qualityOfCare(true).qio(SampleLetters.QIO).build();
        assertThat(pdfText(c)).contains("Organización para el Mejoramiento de la Calidad (QIO)",
                "presentar una queja por escrito", SampleLetters.QIO.name(), "1-800-MEDICARE", "Nuestra decisión:");
    }

    @Test
    void extensionNoticeStatesTheRightThatFitsTheRegime() {
        LetterContent ma = SampleLetters.complete(LetterKind.EXTENSION, Regime.MEDICARE_ADVANTAGE, "en");
        assertThat(pdfText(ma)).contains("expedited grievance", "within 24 hours");

        String medicaid = pdfText(ma.toBuilder().regime(Regime.MEDICAID).build());
        assertThat(medicaid).contains("If you disagree with our decision to take more time, you have the right to file a grievance")
                .doesNotContain("expedited", "1-800-MEDICARE");
        String chipEs = pdfText(ma.toBuilder().regime(Regime.CHIP).language("es").build());
        assertThat(chipEs).contains("tiene derecho a presentar una queja").doesNotContain("acelerada");

        String partD = pdfText(ma.toBuilder().regime(Regime.PART_D).build());
        assertThat(partD).doesNotContain("expedited grievance").contains("January 17, 2027", "1-800-MEDICARE");

        String enrolleeAsked = pdfText(ma.toBuilder().extension(new Extension("You asked for time to send records.",
                SampleLetters.NEW_DUE, ExtensionRequester.ENROLLEE, null, null)).build());
        assertThat(enrolleeAsked).contains("You asked us for more time.", "You asked for time to send records.")
                .doesNotContain("expedited grievance");
    }

    @Test
    void classificationNoticeSaysWhenTheComplaintGoesToTheAppealProcess() {
        LetterContent c = SampleLetters.complete(LetterKind.CLASSIFICATION_NOTICE, Regime.PART_D, "en").toBuilder()
                .handledAs(HandledAs.APPEAL).build();
        assertThat(pdfText(c)).contains("goes to our appeal process, not to the grievance process")
                .doesNotContain("We will handle your complaint as a grievance");
        LetterContent es = c.toBuilder().language("es").build();
        assertThat(pdfText(es)).contains("pasa a nuestro proceso de apelaciones");
    }

    @Test
    void aNameInAScriptTheLetterFontsLackBlocksTheLetterInsteadOfPrintingBlanks() {
        LetterContent c = SampleLetters.complete(LetterKind.ACKNOWLEDGEMENT, Regime.HOSPITAL_COP, "en").toBuilder()
                .patientName("\u738b\u5c0f\u660e").build();
        assertThatThrownBy(() -> RENDERER.render(c))
                .isInstanceOf(LetterValidationException.class)
                .hasMessageContaining("the patient's name in characters the letter font can print");
    }

    @Test
    void theShippedFontPrintsVietnameseCyrillicAndGreekNamesOnAnyMachine() {
        LetterContent c = SampleLetters.complete(LetterKind.ACKNOWLEDGEMENT, Regime.HOSPITAL_COP, "es").toBuilder()
                .patientName("Nguy\u1ec5n V\u0103n Anh").mailingAddress("\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432\n\u0391\u03b8\u03ae\u03bd\u03b1").build();
        assertThat(pdfText(c)).contains("Nguy\u1ec5n V\u0103n Anh", "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432",
                "\u0391\u03b8\u03ae\u03bd\u03b1", "Recibimos su queja");
    }
}
