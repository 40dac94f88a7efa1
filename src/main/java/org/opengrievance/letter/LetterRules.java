package org.opengrievance.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.opengrievance.letter.LetterContent.Extension;
import org.opengrievance.letter.LetterContent.ExtensionRequester;
import org.opengrievance.letter.LetterContent.IssueLine;
import org.opengrievance.letter.LetterContent.QioContact;
import org.opengrievance.regime.Regime;

/**
 * The required elements of each letter, per kind and regime (regulatory-requirements section 2). Checked
 * before a letter is approved; every gap is named so that staff can fill it.
 */
public final class LetterRules {

    private static final int EXCERPT = 60;

    private final List<String> languages;

    public LetterRules(List<String> languages) {
        this.languages = List.copyOf(languages);
    }

    /** Throws {@link LetterValidationException} naming every missing element; returns quietly otherwise. */
    public void check(LetterContent c) {
        List<String> missing = missing(c);
        if (!missing.isEmpty()) {
            throw new LetterValidationException(c.kind(), missing);
        }
    }

    /**
     * What a letter needs before it can be rendered at all (a preview): a kind, a regime the kind applies to,
     * and a supported language. Empty when it can be rendered.
     */
    public List<String> renderable(LetterContent c) {
        List<String> m = new ArrayList<>();
        if (c.kind() == null) {
            m.add("the letter kind");
        }
        if (c.regime() == null) {
            m.add("the rule set (hospital, or the type of health plan)");
        }
        // a language without templates is no gap: the letter is written in the default language with the
        // taglines (LetterRenderer), and the fallback is recorded with it
        if (blank(c.language())) {
            m.add("the recipient's preferred language (an ISO 639 code such as " + String.join(", ", languages) + ")");
        } else if (!LetterLanguages.valid(c.language())) {
            m.add("the recipient's preferred language as an ISO 639 code (two or three lower-case letters, such as "
                    + String.join(", ", languages) + ")");
        }
        if (c.kind() != null && c.regime() != null && !c.kind().appliesTo(c.regime())) {
            m.add(notApplicable(c.kind(), c.regime().isPlan()));
        }
        return m;
    }

    /** Every element the letter still needs, in reading order; empty when it may be approved. */
    public List<String> missing(LetterContent c) {
        List<String> m = renderable(c);
        if (!m.isEmpty()) {
            return m;
        }
        boolean plan = c.regime().isPlan();
        require(m, c.caseNumber(), "the case number");
        require(m, c.patientName(), plan ? "the enrollee's name" : "the patient's name");
        if (c.representative() != null) {
            // E8: the letter names who filed (and, when they are its addressee, is addressed to them)
            require(m, c.representative().name(), "the representative's name");
            require(m, c.representative().relationship(), plan ? "the representative's relationship to the enrollee"
                    : "the representative's relationship to the patient");
        }
        require(m, c.organizationName(), plan ? "the name of the health plan" : "the name of the hospital");
        require(m, c.letterDate(), "the date of the letter");
        require(m, c.receivedDate(), "the date the grievance was received");
        String contactWho = plan ? "the name of the plan contact person" : "the name of the hospital contact person";
        if (c.contact() == null) {
            m.add(contactWho);
            m.add("a phone number for the contact person");
        } else {
            require(m, c.contact().name(), contactWho);
            require(m, c.contact().phone(), "a phone number for the contact person");
        }
        switch (c.kind()) {
            case ACKNOWLEDGEMENT -> { }
            case INTERIM -> {
                require(m, c.followUpDate(), "the follow-up date by which the written response will be sent");
                after(m, c.followUpDate(), c.receivedDate(),
                        "a follow-up date after the date the grievance was received");
            }
            case EXTENSION -> extension(m, c.extension(), c.receivedDate());
            case RESOLUTION -> resolution(m, c, plan);
            case CLASSIFICATION_NOTICE -> require(m, c.handledAs(),
                    "whether the complaint is handled as a grievance or goes to the appeal process");
        }
        if (qioParagraphRequired(c)) {
            QioContact q = c.qio();
            String why = " for the QIO rights paragraph";
            require(m, q == null ? null : q.name(), "the name of the QIO" + why);
            require(m, q == null ? null : q.phone(), "the QIO's phone number" + why);
            require(m, q == null ? null : q.address(), "the QIO's address" + why);
        }
        return m;
    }

    /**
     * Whether the letter must carry the paragraph on the right to QIO review:
     * <ul>
     * <li>hospital resolution letter to a Medicare beneficiary (Original Medicare or Medicare Advantage) whose
     * grievance concerns quality of care or premature discharge (CMS-HOSP-4, A-0120, E3);</li>
     * <li>Medicare Advantage or Part D resolution of a quality-of-care grievance (MA-6, PD-1);</li>
     * <li>Medicaid or CHIP resolution of a quality-of-care grievance of an enrollee who is also a Medicare
     * beneficiary (BFCC-QIOs serve Medicare beneficiaries; DSNP-1). Part 438 itself names no QIO paragraph.</li>
     * </ul>
     * Never in other kinds of letters.
     */
    public static boolean qioParagraphRequired(LetterContent c) {
        if (c.kind() != LetterKind.RESOLUTION || c.regime() == null) {
            return false;
        }
        return switch (c.regime()) {
            case HOSPITAL_COP -> c.medicareBeneficiary() && (c.qualityOfCare() || c.prematureDischarge());
            case MEDICARE_ADVANTAGE, PART_D -> c.qualityOfCare();
            case MEDICAID, CHIP -> c.qualityOfCare() && c.medicareBeneficiary();
        };
    }

    /**
     * Extension notice of a Medicare Advantage plan that extended on its own initiative: the enrollee may file
     * an expedited grievance about the extension (422.564(f), 422.568(b)(1)(ii), MA-7). Part D's expedited
     * grievance has no extension trigger (423.564(f), PD-2), so Part D notices do not promise one.
     */
    public static boolean expeditedGrievanceRight(LetterContent c) {
        return c.kind() == LetterKind.EXTENSION && c.regime() == Regime.MEDICARE_ADVANTAGE && planInitiated(c);
    }

    /**
     * Extension notice of a Medicaid or CHIP plan that extended on its own initiative: the enrollee may file a
     * grievance if he or she disagrees with the extension (438.408(c)(2)(ii), MCD-6).
     */
    public static boolean grievanceRightOnExtension(LetterContent c) {
        return c.kind() == LetterKind.EXTENSION && (c.regime() == Regime.MEDICAID || c.regime() == Regime.CHIP)
                && planInitiated(c);
    }

    private static boolean planInitiated(LetterContent c) {
        return c.extension() != null && c.extension().requestedBy() == ExtensionRequester.PLAN;
    }

    private static void resolution(List<String> m, LetterContent c, boolean plan) {
        // CMS-HOSP-8: the four elements (a hospital's), and every issue addressed; what the patient reads must
        // say something under every regime, because a placeholder meets no element
        patientText(m, c.stepsTaken(), "the steps taken on behalf of the patient to investigate the grievance", !plan);
        patientText(m, c.results(), "the results of the grievance process", !plan);
        if (!plan) {
            require(m, c.completionDate(), "the date of completion");
            notBefore(m, c.completionDate(), c.receivedDate(),
                    "a date of completion on or after the date the grievance was received");
        }
        if (c.issues().isEmpty()) {
            m.add(plan ? "at least one issue raised by the enrollee, with its disposition"
                    : "at least one issue raised by the patient, with its answer");
        }
        for (int i = 0; i < c.issues().size(); i++) {
            IssueLine issue = c.issues().get(i);
            int n = i + 1;
            if (issue == null || blank(issue.description())) {
                m.add("the description of issue " + n);
            }
            String about = issue == null || blank(issue.description()) ? "" : ": " + excerpt(issue.description());
            String answer = (plan ? "the disposition of issue " : "an answer to issue ") + n + about;
            patientText(m, issue == null ? null : issue.answer(), answer, true);
        }
    }

    private static void extension(List<String> m, Extension e, LocalDate received) {
        if (e == null) {
            m.add("the reason for the extension");
            m.add("the new due date");
            m.add("who asked for the extension (the enrollee or the plan)");
            return;
        }
        require(m, e.reason(), "the reason for the extension");
        require(m, e.newDueDate(), "the new due date");
        after(m, e.newDueDate(), received, "a new due date after the date the grievance was received");
        require(m, e.requestedBy(), "who asked for the extension (the enrollee or the plan)");
        if (e.requestedBy() == ExtensionRequester.PLAN) {
            // MA-4 / MCD-6: a plan-initiated extension must justify itself
            require(m, e.informationNeeded(), "the additional information the plan needs (the plan asked for the extension)");
            require(m, e.enrolleeInterest(), "how the delay is in the enrollee's interest (the plan asked for the extension)");
        }
    }

    private static String notApplicable(LetterKind kind, boolean plan) {
        return switch (kind) {
            case INTERIM -> "a letter kind a health plan sends (the interim letter is the hospital's; plans send an extension notice)";
            case EXTENSION -> "a letter kind a hospital sends (the extension notice is a health plan's; hospitals send the interim letter)";
            case CLASSIFICATION_NOTICE -> "a letter kind a hospital sends (the classification notice is a health plan's)";
            default -> "a letter kind that applies to " + (plan ? "a health plan" : "a hospital");
        };
    }

    private static void after(List<String> m, LocalDate date, LocalDate received, String message) {
        if (date != null && received != null && !date.isAfter(received)) {
            m.add(message);
        }
    }

    private static void notBefore(List<String> m, LocalDate date, LocalDate received, String message) {
        if (date != null && received != null && date.isBefore(received)) {
            m.add(message);
        }
    }

    /**
     * A text printed for the patient: missing when required and blank; when present but only filling the field
     * ({@link PatientText}), named as still missing, with why.
     */
    private static void patientText(List<String> m, String text, String name, boolean required) {
        if (blank(text)) {
            if (required) {
                m.add(name);
            }
        } else if (PatientText.isPlaceholder(text)) {
            m.add(name + " written out for the patient (at least " + PatientText.MIN_LENGTH
                    + " characters, not a placeholder such as n/a or x)");
        }
    }

    private static void require(List<String> m, Object value, String name) {
        if (value == null || value instanceof String s && s.isBlank()) {
            m.add(name);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String excerpt(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        return "\u201c" + (t.length() <= EXCERPT ? t : t.substring(0, EXCERPT - 1).strip() + "\u2026") + "\u201d";
    }

    /** Medicare Advantage and Part D: the plans whose letters carry the 1-800-MEDICARE lines. */
    static boolean isMedicarePlan(Regime regime) {
        return regime == Regime.MEDICARE_ADVANTAGE || regime == Regime.PART_D;
    }
}
