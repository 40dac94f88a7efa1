package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengrievance.regime.Regime;

/**
 * E8: a letter to a representative whose authority is on file is addressed to them, names their relationship and
 * names the patient as the person it is about; a representative whose documentation was only asked for is named in
 * the patient's own letter. Read back from the PDF.
 */
class RepresentativeLetterTests {

    static final String REP = "Jordan Representa";
    static final String DAUGHTER = "daughter";

    static String text(LetterContent c) {
        return LetterRenderingTests.pdfText(c);
    }

    static LetterContent toRepresentative(LetterKind kind, Regime regime, String language) {
        return SampleLetters.complete(kind, regime, language).toBuilder()
                .representative(REP, DAUGHTER, true)
                .mailingAddress("77 Elm Court\nEvanston, IL 60201").build();
    }

    @Test
    void aHospitalResolutionLetterToARepresentativeIsAddressedToThemAndNamesThePatient() {
        LetterContent c = toRepresentative(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "en");
        String text = text(c);
        // the addressee block: the representative's name over their address, then the patient as a reference line
        assertThat(text).contains("December 10, 2026 " + REP + " 77 Elm Court Evanston, IL 60201 Patient: Pat Testpatient"
                + " Case number: GRV-2026-000123");
        assertThat(text).contains("Dear " + REP + ":",
                "We are writing to you because you filed this complaint for Pat Testpatient as their representative"
                        + " (daughter). This letter is about Pat Testpatient.");
        assertThat(text).doesNotContain("Dear Pat Testpatient", "Chicago, IL 60610");
        // the required elements of the resolution letter are all still there
        assertThat(text).contains(c.stepsTaken(), c.results(), "December 9, 2026", c.issues().get(1).answer());
    }

    @Test
    void aPlanLetterToARepresentativeNamesTheEnrollee() {
        String text = text(toRepresentative(LetterKind.ACKNOWLEDGEMENT, Regime.MEDICARE_ADVANTAGE, "en"));
        assertThat(text).contains(REP + " 77 Elm Court Evanston, IL 60201 Enrollee: Pat Testpatient Case number:",
                "Member ID: LHP-778899", "Dear " + REP + ":").doesNotContain("Patient: Pat Testpatient");
    }

    @Test
    void aSpanishLetterToARepresentativeUsesTheSpanishWords() {
        String text = text(toRepresentative(LetterKind.INTERIM, Regime.HOSPITAL_COP, "es"));
        assertThat(text).contains("Paciente: Ana Peña Sáenz", "Estimado(a) " + REP + ":",
                "usted presentó esta queja en nombre de Ana Peña Sáenz como su representante (daughter)");
    }

    @Test
    void whenTheRepresentativesDocumentationIsOnlyRequestedTheLetterGoesToThePatientAndSaysWhoFiled() {
        LetterContent c = SampleLetters.complete(LetterKind.ACKNOWLEDGEMENT, Regime.HOSPITAL_COP, "en").toBuilder()
                .representative(REP, DAUGHTER, false).build();
        String text = text(c);
        assertThat(text).contains("December 10, 2026 Pat Testpatient 1200 Lake Shore Drive, Apt 4B Chicago, IL 60610"
                + " Case number:", "Dear Pat Testpatient:",
                REP + " (daughter) filed this complaint for you. We have asked for the document that shows they may act"
                        + " for you. Until we have it, we write to you. This does not delay our answer.");
        assertThat(text).doesNotContain("Dear " + REP, "Patient: Pat Testpatient", "as their representative");
    }

    @Test
    void aPatientsOwnLetterSaysNothingAboutARepresentative() {
        String text = text(SampleLetters.complete(LetterKind.ACKNOWLEDGEMENT, Regime.HOSPITAL_COP, "en"));
        assertThat(text).contains("Dear Pat Testpatient:").doesNotContain("representative", "filed this complaint for",
                "Patient: ");
    }

    @Test
    void aRepresentativeWithoutRelationshipBlocksTheLetterNamingIt() {
        LetterContent c = SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "en").toBuilder()
                .representative(REP, " ", true).build();
        assertThat(new LetterRules(List.of("en", "es")).missing(c))
                .containsExactly("the representative's relationship to the patient");
        assertThatExceptionOfType(LetterValidationException.class)
                .isThrownBy(() -> new LetterRules(List.of("en", "es")).check(c))
                .withMessageContaining("the representative's relationship to the patient");
    }

    /** Both addressee paragraphs, in every shipped language, stay PDF/A-2a and PDF/UA-1. */
    @ParameterizedTest(name = "in {0}")
    @MethodSource("org.opengrievance.letter.SampleLetters#languages")
    void representativeLettersStayArchivalAndAccessible(String language) {
        LetterContent addressed = toRepresentative(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, language);
        LetterContent pending = SampleLetters.complete(LetterKind.ACKNOWLEDGEMENT, Regime.MEDICARE_ADVANTAGE, language)
                .toBuilder().representative(REP, DAUGHTER, false).build();
        for (LetterContent c : List.of(addressed, pending)) {
            byte[] pdf = LetterRenderingTests.RENDERER.render(c).pdf();
            for (var profile : LetterConformanceTests.PROFILES) {
                VeraPdf.Report report = VeraPdf.validate(pdf, profile);
                assertThat(report.failures()).as(c.kind() + " " + profile.getId()).isEmpty();
                assertThat(report.compliant()).as(c.kind() + " " + profile.getId()).isTrue();
            }
        }
    }
}
