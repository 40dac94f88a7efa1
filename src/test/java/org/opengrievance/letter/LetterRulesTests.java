package org.opengrievance.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opengrievance.letter.LetterContent.Builder;
import org.opengrievance.letter.LetterContent.ContactPerson;
import org.opengrievance.letter.LetterContent.Extension;
import org.opengrievance.letter.LetterContent.ExtensionRequester;
import org.opengrievance.letter.LetterContent.IssueLine;
import org.opengrievance.letter.LetterContent.QioContact;
import org.opengrievance.regime.Regime;

/** Required elements per kind and regime (regulatory-requirements section 2), checked before approval. */
class LetterRulesTests {

    final LetterRules rules = new LetterRules(List.of("en", "es"));

    static LetterContent hospitalResolution() {
        return SampleLetters.complete(LetterKind.RESOLUTION, Regime.HOSPITAL_COP, "en");
    }

    static List<String> missing(LetterContent c) {
        return new LetterRules(List.of("en", "es")).missing(c);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyKindUnderEveryRegimeItAppliesTo")
    void aCompleteLetterOfEveryKindMayBeApproved(LetterKind kind, Regime regime) {
        assertThat(missing(SampleLetters.complete(kind, regime, "en"))).isEmpty();
        assertThat(missing(SampleLetters.complete(kind, regime, "es"))).isEmpty();
    }

    static Stream<Arguments> everyKindUnderEveryRegimeItAppliesTo() {
        return Stream.of(LetterKind.values()).flatMap(k -> Stream.of(Regime.values())
                .filter(k::appliesTo).map(r -> Arguments.of(k, r)));
    }

    static Stream<Arguments> hospitalResolutionElements() {
        return Stream.of(
                Arguments.of("the name of the hospital contact person",
                        (UnaryOperator<Builder>) b -> b.contact(new ContactPerson(" ", "Manager", "312-555-0142"))),
                Arguments.of("the steps taken on behalf of the patient to investigate the grievance",
                        (UnaryOperator<Builder>) b -> b.stepsTaken("")),
                Arguments.of("the results of the grievance process", (UnaryOperator<Builder>) b -> b.results(null)),
                Arguments.of("the date of completion", (UnaryOperator<Builder>) b -> b.completionDate(null)),
                Arguments.of("a phone number for the contact person",
                        (UnaryOperator<Builder>) b -> b.contact(new ContactPerson("Dana Liaison", null, null))),
                Arguments.of("the patient's name", (UnaryOperator<Builder>) b -> b.patientName(null)),
                Arguments.of("the date the grievance was received", (UnaryOperator<Builder>) b -> b.receivedDate(null)),
                Arguments.of("the name of the hospital", (UnaryOperator<Builder>) b -> b.organizationName(" ")),
                Arguments.of("at least one issue raised by the patient, with its answer",
                        (UnaryOperator<Builder>) b -> b.issues(List.of())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hospitalResolutionElements")
    void hospitalResolutionWithoutAnElementIsBlockedNamingIt(String element, UnaryOperator<Builder> remove) {
        LetterContent c = remove.apply(hospitalResolution().toBuilder()).build();
        assertThat(missing(c)).containsExactly(element);
        assertThatThrownBy(() -> rules.check(c))
                .isInstanceOf(LetterValidationException.class)
                .hasMessageContaining("resolution letter cannot be approved")
                .hasMessageContaining(element)
                .satisfies(e -> assertThat(((LetterValidationException) e).missing()).containsExactly(element));
    }

    @Test
    void everyMissingElementIsNamedAtOnce() {
        LetterContent c = hospitalResolution().toBuilder().contact(null).stepsTaken(null).results(null)
                .completionDate(null).build();
        assertThat(missing(c)).containsExactly("the name of the hospital contact person",
                "a phone number for the contact person",
                "the steps taken on behalf of the patient to investigate the grievance",
                "the results of the grievance process", "the date of completion");
    }

    @Test
    void anUnansweredIssueLineBlocksTheHospitalResolution() {
        LetterContent c = hospitalResolution().toBuilder().issues(List.of(
                new IssueLine("Cold meals on three days", "Dietary now checks meal temperature."),
                new IssueLine("Call bell not answered", "  "),
                new IssueLine("Rude reply from the night clerk when my daughter phoned the unit at midnight on 2 December", null)))
                .build();
        assertThat(missing(c)).containsExactly(
                "an answer to issue 2: \u201cCall bell not answered\u201d",
                "an answer to issue 3: \u201cRude reply from the night clerk when my daughter phoned the\u2026\u201d");
    }

    static final String WRITTEN_OUT = " written out for the patient (at least 15 characters, not a placeholder such as n/a or x)";

    @ParameterizedTest(name = "\"{0}\"")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"x", "X", "n/a", "N/A.", "na", "None", "TBD", "test", "-",
            ".", "Cart replaced.", "xxxxxxxxxxxxxxxxxxxxxxxx", "- - - - - - - - - - - -", "...................."})
    void placeholderResultsAreRefusedNamingTheElement(String placeholder) {
        LetterContent c = hospitalResolution().toBuilder().results(placeholder).build();
        assertThat(missing(c)).containsExactly("the results of the grievance process" + WRITTEN_OUT);
        assertThatThrownBy(() -> rules.check(c)).isInstanceOf(LetterValidationException.class)
                .hasMessageContaining("the results of the grievance process" + WRITTEN_OUT);
    }

    @Test
    void placeholderStepsTakenAreRefusedNamingTheElement() {
        LetterContent c = hospitalResolution().toBuilder().stepsTaken("tbd").build();
        assertThat(missing(c)).containsExactly(
                "the steps taken on behalf of the patient to investigate the grievance" + WRITTEN_OUT);
    }

    @Test
    void aPlaceholderAnswerToAnIssueIsRefusedNamingTheIssue() {
        LetterContent c = hospitalResolution().toBuilder().issues(List.of(
                new IssueLine("Cold meals on three days", "Dietary now checks meal temperature."),
                new IssueLine("Call bell not answered", "n/a"))).build();
        assertThat(missing(c)).containsExactly("an answer to issue 2: \u201cCall bell not answered\u201d" + WRITTEN_OUT);
    }

    @Test
    void aPlanLettersPlaceholderDispositionAndResultsAreRefusedToo() {
        LetterContent c = SampleLetters.complete(LetterKind.RESOLUTION, Regime.MEDICARE_ADVANTAGE, "en").toBuilder()
                .results("none").issues(List.of(new IssueLine("Rude pharmacist", "x"))).build();
        assertThat(missing(c)).containsExactly("the results of the grievance process" + WRITTEN_OUT,
                "the disposition of issue 1: \u201cRude pharmacist\u201d" + WRITTEN_OUT);
    }

    @Test
    void fifteenCharactersThatSaySomethingAreEnough() {
        // the shortest text accepted: 15 characters; 14 are refused ("Cart replaced." above)
        LetterContent c = hospitalResolution().toBuilder().results("Cart was fixed.").stepsTaken("  We asked staff.  ")
                .issues(List.of(new IssueLine("Cold meals", "Trays now heated."))).build();
        assertThat(missing(c)).isEmpty();
    }

    @Test
    void aPlanResolutionNeedsTheDispositionOfEachIssue() {
        LetterContent c = SampleLetters.complete(LetterKind.RESOLUTION, Regime.MEDICAID, "en").toBuilder()
                .issues(List.of(new IssueLine("Rude pharmacist", null))).build();
        assertThat(missing(c)).containsExactly("the disposition of issue 1: \u201cRude pharmacist\u201d");
        LetterContent none = c.toBuilder().issues(List.of()).build();
        assertThat(missing(none)).containsExactly("at least one issue raised by the enrollee, with its disposition");
    }

    @Test
    void aPlanResolutionDoesNotNeedTheHospitalsFourElements() {
        LetterContent c = SampleLetters.complete(LetterKind.RESOLUTION, Regime.MEDICARE_ADVANTAGE, "en").toBuilder()
                .stepsTaken(null).results(null).completionDate(null).build();
        assertThat(missing(c)).isEmpty();
    }

    @ParameterizedTest(name = "{0}: Medicare {1}, quality {2}, discharge {3} -> QIO paragraph {4}")
    @CsvSource({
            "HOSPITAL_COP, true, true, false, true",
            "HOSPITAL_COP, true, false, true, true",
            "HOSPITAL_COP, true, true, true, true",
            "HOSPITAL_COP, true, false, false, false",
            "HOSPITAL_COP, false, true, false, false",
            "HOSPITAL_COP, false, false, true, false",
            "MEDICARE_ADVANTAGE, true, true, false, true",
            "MEDICARE_ADVANTAGE, false, true, false, true",
            "MEDICARE_ADVANTAGE, true, false, false, false",
            "MEDICARE_ADVANTAGE, true, false, true, false",
            "PART_D, false, true, false, true",
            "PART_D, true, false, false, false",
            "MEDICAID, false, true, false, false",
            "MEDICAID, true, true, false, true",
            "CHIP, false, true, false, false",
            "CHIP, true, true, false, true",
    })
    void qioParagraphIsRequiredExactlyWhenTheRuleSays(Regime regime, boolean medicare, boolean quality,
            boolean discharge, boolean required) {
        LetterContent c = SampleLetters.complete(LetterKind.RESOLUTION, regime, "en").toBuilder()
                .medicareBeneficiary(medicare).qualityOfCare(quality).prematureDischarge(discharge).qio(null).build();
        assertThat(LetterRules.qioParagraphRequired(c)).isEqualTo(required);
        if (required) {
            assertThat(missing(c)).containsExactly("the name of the QIO for the QIO rights paragraph",
                    "the QIO's phone number for the QIO rights paragraph", "the QIO's address for the QIO rights paragraph");
            assertThat(missing(c.toBuilder().qio(SampleLetters.QIO).build())).isEmpty();
        } else {
            assertThat(missing(c)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = LetterKind.class, names = "RESOLUTION", mode = EnumSource.Mode.EXCLUDE)
    void onlyResolutionLettersCarryTheQioParagraph(LetterKind kind) {
        Regime regime = SampleLetters.regimeFor(kind);
        LetterContent c = SampleLetters.complete(kind, regime, "en").toBuilder()
                .medicareBeneficiary(true).qualityOfCare(true).prematureDischarge(true).build();
        assertThat(LetterRules.qioParagraphRequired(c)).isFalse();
        assertThat(missing(c)).isEmpty();
    }

    @Test
    void aPartialQioContactIsNamedPartByPart() {
        LetterContent c = hospitalResolution().toBuilder().medicareBeneficiary(true).qualityOfCare(true)
                .qio(new QioContact("Testregion QIO", null, null, " ")).build();
        assertThat(missing(c)).containsExactly("the QIO's phone number for the QIO rights paragraph",
                "the QIO's address for the QIO rights paragraph");
    }

    @Test
    void interimLetterNeedsTheFollowUpDate() {
        LetterContent c = SampleLetters.complete(LetterKind.INTERIM, Regime.HOSPITAL_COP, "es").toBuilder()
                .followUpDate(null).build();
        assertThat(missing(c)).containsExactly("the follow-up date by which the written response will be sent");
        LetterContent sameDay = c.toBuilder().followUpDate(SampleLetters.RECEIVED).build();
        assertThat(missing(sameDay)).containsExactly("a follow-up date after the date the grievance was received");
    }

    @Test
    void extensionNoticeNeedsReasonsAndNewDueDate() {
        LetterContent c = SampleLetters.complete(LetterKind.EXTENSION, Regime.MEDICARE_ADVANTAGE, "en").toBuilder()
                .extension(null).build();
        assertThat(missing(c)).containsExactly("the reason for the extension", "the new due date",
                "who asked for the extension (the enrollee or the plan)");
    }

    @ParameterizedTest
    @EnumSource(value = Regime.class, names = "HOSPITAL_COP", mode = EnumSource.Mode.EXCLUDE)
    void aPlanInitiatedExtensionMustSayWhatIsNeededAndWhyTheDelayHelpsTheEnrollee(Regime regime) {
        LetterContent c = SampleLetters.complete(LetterKind.EXTENSION, regime, "en").toBuilder()
                .extension(new Extension("Waiting for records.", SampleLetters.NEW_DUE, ExtensionRequester.PLAN,
                        null, ""))
                .build();
        assertThat(missing(c)).containsExactly(
                "the additional information the plan needs (the plan asked for the extension)",
                "how the delay is in the enrollee's interest (the plan asked for the extension)");
        LetterContent enrolleeAsked = c.toBuilder().extension(new Extension("You asked for more time.",
                SampleLetters.NEW_DUE, ExtensionRequester.ENROLLEE, null, null)).build();
        assertThat(missing(enrolleeAsked)).isEmpty();
    }

    @Test
    void classificationNoticeNeedsTheProcessItGoesTo() {
        LetterContent c = SampleLetters.complete(LetterKind.CLASSIFICATION_NOTICE, Regime.PART_D, "en").toBuilder()
                .handledAs(null).build();
        assertThat(missing(c)).containsExactly(
                "whether the complaint is handled as a grievance or goes to the appeal process");
    }

    @Test
    void lettersGoOnlyToTheOrganisationsTheyAreFor() {
        LetterContent planInterim = SampleLetters.complete(LetterKind.INTERIM, Regime.HOSPITAL_COP, "en").toBuilder()
                .regime(Regime.MEDICARE_ADVANTAGE).build();
        assertThat(missing(planInterim)).singleElement().asString().contains("plans send an extension notice");
        LetterContent hospitalExtension = SampleLetters.complete(LetterKind.EXTENSION, Regime.MEDICAID, "en")
                .toBuilder().regime(Regime.HOSPITAL_COP).build();
        assertThat(missing(hospitalExtension)).singleElement().asString().contains("hospitals send the interim letter");
        LetterContent hospitalClassification = SampleLetters.complete(LetterKind.CLASSIFICATION_NOTICE, Regime.CHIP,
                "en").toBuilder().regime(Regime.HOSPITAL_COP).build();
        assertThat(missing(hospitalClassification)).singleElement().asString()
                .contains("classification notice is a health plan's");
    }

    @Test
    void aPreferredLanguageWithoutTemplatesIsNoGapButItMustBeALanguageCode() {
        // the letter is then written in the default language with the taglines (LetterLanguageTests)
        assertThat(missing(SampleLetters.complete(LetterKind.ACKNOWLEDGEMENT, Regime.HOSPITAL_COP, "fr"))).isEmpty();
        LetterContent c = SampleLetters.complete(LetterKind.ACKNOWLEDGEMENT, Regime.HOSPITAL_COP, "French");
        assertThat(missing(c)).containsExactly("the recipient's preferred language as an ISO 639 code (two or three "
                + "lower-case letters, such as en, es)");
        assertThatCode(() -> rules.check(SampleLetters.complete(LetterKind.ACKNOWLEDGEMENT, Regime.HOSPITAL_COP, "es")))
                .doesNotThrowAnyException();
    }
}
