package org.opengrievance.letter;

import java.time.LocalDate;

import org.opengrievance.letter.LetterContent.Extension;
import org.opengrievance.letter.LetterContent.ExtensionRequester;
import org.opengrievance.letter.LetterContent.HandledAs;
import org.opengrievance.letter.LetterContent.QioContact;
import org.opengrievance.regime.Regime;

/** Complete letters for tests: fictional patients and plans, every element a kind needs filled in. */
final class SampleLetters {

    static final String CASE = "GRV-2026-000123";
    static final LocalDate RECEIVED = LocalDate.of(2026, 12, 4);
    static final LocalDate LETTER_DATE = LocalDate.of(2026, 12, 10);
    static final LocalDate COMPLETED = LocalDate.of(2026, 12, 9);
    static final LocalDate FOLLOW_UP = LocalDate.of(2027, 1, 3);
    static final LocalDate NEW_DUE = LocalDate.of(2027, 1, 17);
    static final QioContact QIO = new QioContact("Testregion Quality Improvement Organization", "1-888-555-0199", "711",
            "10820 Guilford Road, Suite 202, Annapolis Junction, MD 20701");

    /** Every language the shipped templates exist in (each folder of processes/letters with a messages file). */
    static final java.util.List<String> LANGUAGES = new LetterTemplates(
            new org.springframework.core.io.DefaultResourceLoader(), "classpath:processes/letters/").languages();

    private SampleLetters() {
    }

    /** {@link #LANGUAGES} for a {@code @MethodSource}. */
    static java.util.List<String> languages() {
        return LANGUAGES;
    }

    /** The regime a kind is tested under: hospital for hospital letters, Medicare Advantage for plan letters. */
    static Regime regimeFor(LetterKind kind) {
        return kind.appliesTo(Regime.HOSPITAL_COP) ? Regime.HOSPITAL_COP : Regime.MEDICARE_ADVANTAGE;
    }

    static String patient(String language) {
        return "es".equals(language) ? "Ana Peña Sáenz" : "Pat Testpatient";
    }

    static LetterContent complete(LetterKind kind, Regime regime, String language) {
        boolean plan = regime.isPlan();
        LetterContent.Builder b = LetterContent.builder(kind, regime, language, CASE)
                .patientName(patient(language))
                .mailingAddress("1200 Lake Shore Drive, Apt 4B\nChicago, IL 60610")
                .organizationName(plan ? "Lakeside Health Plan" : "Mercy General Hospital")
                .letterDate(LETTER_DATE)
                .receivedDate(RECEIVED)
                .complaintSummary("The meals arrived cold three days running and nobody answered the call bell.")
                .contact("Dana Liaison", "Patient Relations Manager", "312-555-0142");
        if (plan) {
            b.memberId("LHP-778899");
        }
        switch (kind) {
            case ACKNOWLEDGEMENT -> b.responseDueDate(LocalDate.of(2026, 12, 11));
            case INTERIM -> b.followUpDate(FOLLOW_UP);
            case EXTENSION -> b.extension(new Extension("We are waiting for the nursing unit's call-bell records.",
                    NEW_DUE, ExtensionRequester.PLAN, "The call-bell log for 1 to 3 December.",
                    "The log lets us answer your concern fully instead of in part."));
            case RESOLUTION -> b
                    .issue("Cold meals on three days", "Dietary now checks meal temperature before each tray leaves.")
                    .issue("Call bell not answered", "The unit added a second aide on nights; response times are audited.")
                    .stepsTaken("We interviewed the night staff, reviewed the call-bell log and the meal temperature records.")
                    .results("Both concerns were substantiated and corrected.")
                    .completionDate(COMPLETED);
            case CLASSIFICATION_NOTICE -> b.handledAs(HandledAs.GRIEVANCE)
                    .classificationExplanation("Your complaint is about service, not about paying for care.");
        }
        return b.build();
    }
}
