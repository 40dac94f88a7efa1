package org.opengrievance.letter;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.opengrievance.regime.Regime;

/**
 * Everything a letter says, as the case and the staff member supply it. Free text from the patient
 * (complaint summary, issue descriptions, names) is always printed escaped: it can never add markup.
 * {@link LetterRules} says which fields each kind of letter needs under each regime.
 *
 * @param kind                      which letter
 * @param regime                    whose rules apply (hospital CoP or a plan type)
 * @param language                  the recipient's preferred language (ISO 639 code); a language without templates
 *                                  gets the default language's letter with the taglines
 * @param caseNumber                the case number, e.g. {@code GRV-2026-000123}
 * @param patientName               the patient (hospital) or enrollee (plan) the letter is about; its addressee unless
 *                                  {@code representative} is the addressee
 * @param representative            who filed for the patient (E8), or null when the patient filed; the addressee
 *                                  when {@link Representative#addressee()} (the patient is then named as the person
 *                                  the letter is about)
 * @param memberId                  plans: the enrollee's member ID (optional)
 * @param mailingAddress            the addressee's postal address, lines separated by new lines (optional)
 * @param organizationName          the hospital or the health plan
 * @param letterDate                the date printed on the letter
 * @param receivedDate              the date the grievance was received (facility or plan zone)
 * @param complaintSummary          the complaint in the complainant's words or a summary of it
 * @param issues                    every issue raised, each with its answer (hospital) or disposition (plan)
 * @param contact                   whom the patient can contact about the grievance
 * @param stepsTaken                the steps taken on behalf of the patient to investigate
 * @param results                   the results of the grievance process
 * @param completionDate            the date the grievance process was completed
 * @param medicareBeneficiary       the patient is a Medicare beneficiary (Original Medicare or Medicare Advantage)
 * @param qualityOfCare             the grievance concerns quality of care
 * @param prematureDischarge        the grievance concerns a premature discharge
 * @param qio                       the Beneficiary and Family Centered Care QIO to name in the QIO rights paragraph
 * @param responseDueDate           acknowledgement: the date the written response is due (optional)
 * @param followUpDate              interim letter: the date by which the written response will follow
 * @param extension                 extension notice: reasons and new due date
 * @param handledAs                 classification notice: grievance or appeal process
 * @param classificationExplanation classification notice: why, in plain words (optional)
 * @param stateAgencyContact        the State agency the patient may contact, as printed (optional)
 * @param largePrint                the recipient asked for large print: the same letter at 18 pt or more
 */
public record LetterContent(
        LetterKind kind,
        Regime regime,
        String language,
        String caseNumber,
        String patientName,
        Representative representative,
        String memberId,
        String mailingAddress,
        String organizationName,
        LocalDate letterDate,
        LocalDate receivedDate,
        String complaintSummary,
        List<IssueLine> issues,
        ContactPerson contact,
        String stepsTaken,
        String results,
        LocalDate completionDate,
        boolean medicareBeneficiary,
        boolean qualityOfCare,
        boolean prematureDischarge,
        QioContact qio,
        LocalDate responseDueDate,
        LocalDate followUpDate,
        Extension extension,
        HandledAs handledAs,
        String classificationExplanation,
        String stateAgencyContact,
        boolean largePrint) {

    public LetterContent {
        issues = issues == null ? List.of() : List.copyOf(issues);
    }

    /**
     * A representative who filed for the patient (E8).
     *
     * @param name         the representative's name
     * @param relationship how they stand to the patient (daughter, legal guardian, attorney...)
     * @param addressee    the letter goes to them (their authority is on file or needs no document); false: it
     *                     goes to the patient and says who filed and that their documentation was asked for
     */
    public record Representative(String name, String relationship, boolean addressee) {
    }

    /** The name the letter is addressed to: the representative's when they are the addressee, else the patient's. */
    public String addresseeName() {
        return representative != null && representative.addressee() ? representative.name() : patientName;
    }

    /** True when the letter goes to a representative, the patient named as the person it is about. */
    public boolean toRepresentative() {
        return representative != null && representative.addressee();
    }

    /** One issue the patient raised and what the letter says about it. */
    public record IssueLine(String description, String answer) {
    }

    /** The person the patient can reach about the grievance. */
    public record ContactPerson(String name, String title, String phone) {
    }

    /** The Beneficiary and Family Centered Care QIO for the patient's state. */
    public record QioContact(String name, String phone, String tty, String address) {
    }

    /** Who asked for more time. */
    public enum ExtensionRequester {
        ENROLLEE, PLAN
    }

    /**
     * An extension of the plan's response time frame.
     *
     * @param reason             the reason for the delay
     * @param newDueDate         the new date by which the plan will decide
     * @param requestedBy        the enrollee or the plan
     * @param informationNeeded  plan-initiated: the additional information needed
     * @param enrolleeInterest   plan-initiated: how the delay is in the enrollee's interest
     */
    public record Extension(String reason, LocalDate newDueDate, ExtensionRequester requestedBy,
            String informationNeeded, String enrolleeInterest) {
    }

    /** Which procedure a plan complaint goes to (MA-1: the plan must tell the enrollee promptly). */
    public enum HandledAs {
        GRIEVANCE, APPEAL, COVERAGE_REQUEST, INQUIRY
    }

    public static Builder builder(LetterKind kind, Regime regime, String language, String caseNumber) {
        return new Builder(kind, regime, language, caseNumber);
    }

    /** A copy to change a few fields of. */
    public Builder toBuilder() {
        Builder b = new Builder(kind, regime, language, caseNumber);
        b.patientName = patientName;
        b.representative = representative;
        b.memberId = memberId;
        b.mailingAddress = mailingAddress;
        b.organizationName = organizationName;
        b.letterDate = letterDate;
        b.receivedDate = receivedDate;
        b.complaintSummary = complaintSummary;
        b.issues = new ArrayList<>(issues);
        b.contact = contact;
        b.stepsTaken = stepsTaken;
        b.results = results;
        b.completionDate = completionDate;
        b.medicareBeneficiary = medicareBeneficiary;
        b.qualityOfCare = qualityOfCare;
        b.prematureDischarge = prematureDischarge;
        b.qio = qio;
        b.responseDueDate = responseDueDate;
        b.followUpDate = followUpDate;
        b.extension = extension;
        b.handledAs = handledAs;
        b.classificationExplanation = classificationExplanation;
        b.stateAgencyContact = stateAgencyContact;
        b.largePrint = largePrint;
        return b;
    }

    /** Builds a {@link LetterContent} field by field; what a letter kind does not use may stay unset. */
    public static final class Builder {
        private LetterKind kind;
        private Regime regime;
        private String language;
        private String caseNumber;
        private String patientName;
        private Representative representative;
        private String memberId;
        private String mailingAddress;
        private String organizationName;
        private LocalDate letterDate;
        private LocalDate receivedDate;
        private String complaintSummary;
        private List<IssueLine> issues = new ArrayList<>();
        private ContactPerson contact;
        private String stepsTaken;
        private String results;
        private LocalDate completionDate;
        private boolean medicareBeneficiary;
        private boolean qualityOfCare;
        private boolean prematureDischarge;
        private QioContact qio;
        private LocalDate responseDueDate;
        private LocalDate followUpDate;
        private Extension extension;
        private HandledAs handledAs;
        private String classificationExplanation;
        private String stateAgencyContact;
        private boolean largePrint;

        private Builder(LetterKind kind, Regime regime, String language, String caseNumber) {
            this.kind = kind;
            this.regime = regime;
            this.language = language;
            this.caseNumber = caseNumber;
        }

        public Builder kind(LetterKind v) { this.kind = v; return this; }
        public Builder regime(Regime v) { this.regime = v; return this; }
        public Builder language(String v) { this.language = v; return this; }
        public Builder caseNumber(String v) { this.caseNumber = v; return this; }
        public Builder patientName(String v) { this.patientName = v; return this; }
        public Builder representative(Representative v) { this.representative = v; return this; }
        public Builder representative(String name, String relationship, boolean addressee) {
            return representative(new Representative(name, relationship, addressee));
        }
        public Builder memberId(String v) { this.memberId = v; return this; }
        public Builder mailingAddress(String v) { this.mailingAddress = v; return this; }
        public Builder organizationName(String v) { this.organizationName = v; return this; }
        public Builder letterDate(LocalDate v) { this.letterDate = v; return this; }
        public Builder receivedDate(LocalDate v) { this.receivedDate = v; return this; }
        public Builder complaintSummary(String v) { this.complaintSummary = v; return this; }
        public Builder issues(List<IssueLine> v) { this.issues = new ArrayList<>(v == null ? List.of() : v); return this; }
        public Builder issue(String description, String answer) { this.issues.add(new IssueLine(description, answer)); return this; }
        public Builder contact(ContactPerson v) { this.contact = v; return this; }
        public Builder contact(String name, String title, String phone) { return contact(new ContactPerson(name, title, phone)); }
        public Builder stepsTaken(String v) { this.stepsTaken = v; return this; }
        public Builder results(String v) { this.results = v; return this; }
        public Builder completionDate(LocalDate v) { this.completionDate = v; return this; }
        public Builder medicareBeneficiary(boolean v) { this.medicareBeneficiary = v; return this; }
        public Builder qualityOfCare(boolean v) { this.qualityOfCare = v; return this; }
        public Builder prematureDischarge(boolean v) { this.prematureDischarge = v; return this; }
        public Builder qio(QioContact v) { this.qio = v; return this; }
        public Builder responseDueDate(LocalDate v) { this.responseDueDate = v; return this; }
        public Builder followUpDate(LocalDate v) { this.followUpDate = v; return this; }
        public Builder extension(Extension v) { this.extension = v; return this; }
        public Builder handledAs(HandledAs v) { this.handledAs = v; return this; }
        public Builder classificationExplanation(String v) { this.classificationExplanation = v; return this; }
        public Builder stateAgencyContact(String v) { this.stateAgencyContact = v; return this; }
        public Builder largePrint(boolean v) { this.largePrint = v; return this; }

        public LetterContent build() {
            return new LetterContent(kind, regime, language, caseNumber, patientName, representative, memberId,
                    mailingAddress,
                    organizationName, letterDate, receivedDate, complaintSummary, issues, contact, stepsTaken,
                    results, completionDate, medicareBeneficiary, qualityOfCare, prematureDischarge, qio,
                    responseDueDate, followUpDate, extension, handledAs, classificationExplanation,
                    stateAgencyContact, largePrint);
        }
    }
}
