package org.opengrievance.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.opengrievance.clock.CaseClockRepository;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.clock.ClockState;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.config.PlanProperties;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.IssueLines;
import org.opengrievance.grievance.PatientContact;
import org.opengrievance.letter.LetterContent;
import org.opengrievance.letter.LetterKind;
import org.opengrievance.letter.LetterNotApplicableException;
import org.opengrievance.letter.LetterPreferences;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterTranslations;
import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Component;

/**
 * Puts a letter together from the case record, its clocks and the process variables of the step that sends
 * it (the draft's answers, contact person, the patient-facing steps taken and the results).
 */
@Component
public class NoticeContents {

    private final GrievanceCaseRepository cases;
    private final CaseClocks clocks;
    private final CaseClockRepository clockRows;
    private final FacilityProperties facility;
    private final PlanProperties plan;
    private final NoticeProperties notices;
    private final LetterService letters;
    private final LetterTranslations translations;
    private final LetterPreferences preferences;
    private final Clock clock;

    NoticeContents(GrievanceCaseRepository cases, CaseClocks clocks, CaseClockRepository clockRows,
            FacilityProperties facility, PlanProperties plan, NoticeProperties notices, LetterService letters,
            LetterTranslations translations, LetterPreferences preferences, Clock clock) {
        this.cases = cases;
        this.clocks = clocks;
        this.clockRows = clockRows;
        this.facility = facility;
        this.plan = plan;
        this.notices = notices;
        this.letters = letters;
        this.translations = translations;
        this.preferences = preferences;
        this.clock = clock;
    }

    /**
     * The letter of this kind the case would send now, under the regime of the step that sends it (variable
     * {@code regime}) or else the first of the case's regimes that sends such a letter.
     *
     * @throws LetterNotApplicableException when none of the case's regimes sends this kind of letter
     */
    public LetterContent build(String caseNumber, LetterKind kind, Map<String, Object> vars) {
        return build(caseNumber, kind, vars, null);
    }

    /**
     * As {@link #build(String, LetterKind, Map)}, under the regime asked for (null: as there).
     *
     * @throws LetterNotApplicableException when the case is not under that regime, or the regime sends no
     *                                      such letter
     */
    public LetterContent build(String caseNumber, LetterKind kind, Map<String, Object> vars, Regime asked) {
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        PatientContact contact = cases.contact(caseNumber);
        // E8: a representative with authority is the addressee (their address); the patient stays named
        Addressee to = Addressee.of(c.patientName(), contact, cases.requester(caseNumber));
        List<ClockState> all = clocks.of(caseNumber);
        Regime regime = regimeFor(kind, vars, all, asked);
        ClockState own = all.stream().filter(k -> k.regime() == regime).findFirst().orElse(null);
        ZoneId zone = own != null ? own.zone() : ZoneId.of(c.facilityZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String language = letters.languageFor(c.preferredLanguage());

        LetterContent.Builder b = LetterContent.builder(kind, regime, c.preferredLanguage(), caseNumber)
                .patientName(c.patientName())
                .representative(to.representative())
                .memberId(contact.memberId())
                .mailingAddress(to.address())
                .organizationName(regime.isPlan() ? plan.name() : facility.name())
                .letterDate(today)
                .receivedDate(own != null ? own.receivedAt().atZone(zone).toLocalDate()
                        : c.receivedAt().atZoneSameInstant(zone).toLocalDate())
                .complaintSummary(c.complaintText())
                .medicareBeneficiary(contact.medicareBeneficiary())
                .qualityOfCare(contact.qualityOfCare())
                .prematureDischarge(contact.prematureDischarge())
                .qio(new LetterContent.QioContact(notices.qio().name(), notices.qio().phone(), notices.qio().tty(),
                        notices.qio().address()))
                .stateAgencyContact(translations.text(language, notices.stateAgency()))
                .largePrint(preferences.largePrint(caseNumber));

        String contactName = text(vars.get("contactPerson"));
        if (kind == LetterKind.RESOLUTION && contactName != null) {
            b.contact(contactName, text(vars.get("contactTitle")), text(vars.get("contactPhone")));
        } else if (kind == LetterKind.RESOLUTION) {
            b.contact(null, null, null);
        } else {
            // configured text, in the letter's language where a translation is configured
            b.contact(translations.text(language, notices.contact().name()),
                    translations.text(language, notices.contact().title()), notices.contact().phone());
        }
        switch (kind) {
            case ACKNOWLEDGEMENT -> CaseClocks.governing(all)
                    .ifPresent(due -> b.responseDueDate(due.atZone(zone).toLocalDate()));
            case INTERIM -> {
                if (own != null && own.followUpDueAt() != null) {
                    b.followUpDate(own.followUpDueAt().atZone(zone).toLocalDate());
                }
            }
            case EXTENSION -> {
                if (own != null && own.extensionDays() > 0) {
                    String[] why = clockRows.justification(caseNumber, regime);
                    b.extension(new LetterContent.Extension(own.extensionReason(),
                            own.bindingDueAt().atZone(zone).toLocalDate(),
                            LetterContent.ExtensionRequester.valueOf(own.extensionRequestedBy().name()), why[0], why[1]));
                }
            }
            // MA-1, 422.564(b): which procedure applies is what the person confirmed at classification
            case CLASSIFICATION_NOTICE -> b.handledAs(handledAs(c.classification()));
            case RESOLUTION -> {
                b.issues(IssueLines.from(vars).stream()
                        .map(l -> new LetterContent.IssueLine(l.issue(), l.answer())).toList());
                // what patient relations wrote for the patient (prefilled from the investigation's stepsTaken);
                // the investigator's own text and the findings stay internal
                b.stepsTaken(text(vars.get("patientStepsText")));
                b.results(text(vars.get("responseDraft")));
                b.completionDate(today);
            }
        }
        return b.build();
    }

    /**
     * The regime whose rules the letter follows: the one asked for, else the step's own, else the hospital's,
     * else the first plan's; always one the case is under and one that sends this kind of letter.
     */
    private static Regime regimeFor(LetterKind kind, Map<String, Object> vars, List<ClockState> all, Regime asked) {
        List<Regime> regimes = all.isEmpty() ? List.of(Regime.HOSPITAL_COP)
                : all.stream().map(ClockState::regime).toList();
        List<Regime> sending = regimes.stream().filter(kind::appliesTo).toList();
        if (asked != null) {
            if (!sending.contains(asked)) {
                throw new LetterNotApplicableException(kind, regimes);
            }
            return asked;
        }
        Object own = vars.get("regime");
        if (own != null && kind != LetterKind.CLASSIFICATION_NOTICE && sending.contains(Regime.valueOf(own.toString()))) {
            return Regime.valueOf(own.toString());
        }
        return sending.stream().filter(r -> r == Regime.HOSPITAL_COP).findFirst()
                .or(() -> sending.stream().findFirst())
                .orElseThrow(() -> new LetterNotApplicableException(kind, regimes));
    }

    private static String text(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString();
    }

    private static LetterContent.HandledAs handledAs(String classification) {
        return switch (classification == null ? "GRIEVANCE" : classification) {
            case "APPEAL" -> LetterContent.HandledAs.APPEAL;
            case "COVERAGE_REQUEST" -> LetterContent.HandledAs.COVERAGE_REQUEST;
            case "INQUIRY" -> LetterContent.HandledAs.INQUIRY;
            default -> LetterContent.HandledAs.GRIEVANCE;
        };
    }
}
