package org.opengrievance.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.clock.ClockKind;
import org.opengrievance.clock.ClockOpening;
import org.opengrievance.clock.ClockState;
import org.opengrievance.clock.ExpediteTrigger;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.CaseNumbers;
import org.opengrievance.grievance.CaseRequester;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.grievance.IssueLines;
import org.opengrievance.grievance.PatientContact;
import org.opengrievance.config.TimeBounds;
import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Component;

/**
 * Service task {@code registerCase}: checks the intake data, gives the case its number (the business
 * key), writes the case row and opens its deadline clocks. It runs in the transaction that starts the
 * process, whether the start came from Tasklist or from the API, so all of it commits or none of it does.
 */
@Component("registerCase")
class RegisterCaseDelegate implements JavaDelegate {

    private final GrievanceCaseRepository cases;
    private final CaseNumbers caseNumbers;
    private final CaseClocks caseClocks;
    private final FacilityProperties facility;
    private final Clock clock;
    private final TimeBounds timeBounds;

    RegisterCaseDelegate(GrievanceCaseRepository cases, CaseNumbers caseNumbers, CaseClocks caseClocks,
            FacilityProperties facility, Clock clock, TimeBounds timeBounds) {
        this.cases = cases;
        this.caseNumbers = caseNumbers;
        this.caseClocks = caseClocks;
        this.facility = facility;
        this.clock = clock;
        this.timeBounds = timeBounds;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IntakeData in = IntakeData.from(execution);
        Object resolution = execution.getVariable("pointOfCareResolution");
        if (resolution != null) {
            IntakeData.requirePrintable("pointOfCareResolution", resolution.toString());
        }
        ZoneId zone = facility.zone();
        Instant receivedAt = ReceiptTime.parse(execution.getVariable("receivedAt"), zone);
        timeBounds.require("receivedAt", receivedAt);
        Instant original = optionalTime(execution, "originalReceivedAt", zone);
        if (original != null && original.isAfter(receivedAt)) {
            throw new IntakeRejectedException("originalReceivedAt", "must not be after receivedAt");
        }
        Instant planReceivedAt = optionalTime(execution, "planReceivedAt", zone);
        List<ClockState> clocks = caseClocks.compute(new ClockOpening(regimes(execution), receivedAt, original,
                planReceivedAt, trigger(execution), (Boolean) execution.getVariable("drugReceived")));
        Instant responseDueAt = CaseClocks.governing(clocks).orElseThrow();

        Instant now = clock.instant();
        // who started it is who is signed in: the initiator variable is whatever the start submitted
        String creator = Actors.current(execution.getProcessEngineServices().getIdentityService());
        String caseNumber = caseNumbers.next(receivedAt.atZone(zone).getYear());
        cases.insert(new GrievanceCase(caseNumber, execution.getProcessInstanceId(), in.channel().name(),
                receivedAt.atZone(zone).toOffsetDateTime(), facility.name(), zone.getId(), in.patientName(),
                in.complaintText(), in.serviceArea().name(), in.preferredLanguage(), null, null, null, null,
                responseDueAt.atZone(zone).toOffsetDateTime(), GrievanceCase.OPEN, null, null, null, null,
                OffsetDateTime.ofInstant(now, zone), creator));
        caseClocks.save(caseNumber, clocks);
        PatientContact contact = contact(execution);
        cases.saveContact(caseNumber, contact);
        cases.saveRequester(caseNumber, requester(execution));
        cases.saveIntakeFacts(caseNumber, in.subject().name(), in.requestedAction().name(),
                Boolean.TRUE.equals(execution.getVariable(IntakeVariables.PATIENT_IDENTIFIED)));

        execution.setProcessBusinessKey(caseNumber);
        // a copy for the forms to show; steps find their case by the business key (CaseKey)
        execution.setVariable(GrievanceProcess.CASE_NUMBER, caseNumber);
        if (creator != null) {
            execution.setVariable(GrievanceProcess.INITIATOR, creator);
        } else {
            execution.removeVariable(GrievanceProcess.INITIATOR);
        }
        execution.setVariable("facilityName", facility.name());
        execution.setVariable("facilityZone", zone.getId());
        execution.setVariable("receivedAt", receivedAt.atZone(zone).toOffsetDateTime().toString());
        execution.setVariable("regimes", String.join(",", clocks.stream().map(c -> c.regime().name()).toList()));
        execution.setVariable("hasPlanClock", clocks.stream().anyMatch(c -> c.regime().isPlan()));
        // the classification table's procedures: the hospital's grievance definition, or the plan's (MA-1)
        execution.setVariable(IntakeVariables.CASE_OWNER,
                clocks.stream().anyMatch(c -> !c.regime().isPlan()) ? "HOSPITAL" : "PLAN");
        if (!execution.hasVariable(IntakeVariables.CHOSEN_TRACK)) {
            execution.setVariable(IntakeVariables.CHOSEN_TRACK, null);
        }
        // contact details stay in the case record; forms only need to know whether email is possible. The
        // fields arrive transient; a start that sent them as plain variables leaves none on the running process
        execution.setVariable("emailOnFile", contact.hasEmail());
        execution.setVariable("dischargeAppealReview", contact.prematureDischarge()); // E4: no PHI, the gateway's flag
        IntakeVariables.CASE_RECORD_ONLY.forEach(execution::removeVariable);
        execution.setVariable("issue1", IssueLines.initial(in.complaintText()));
        execution.setVariable("expedited", clocks.stream().anyMatch(c -> c.kind() == ClockKind.EXPEDITED));
        execution.setVariable("responseDueAt", Date.from(responseDueAt));
        execution.setVariable("responseDueDisplay", CaseClocks.display(responseDueAt, zone));
        execution.setVariable("responseFollowUpAt", caseClocks.followUp(clocks).map(Date::from).orElse(null));
        // CMS-HOSP-9: an abuse or neglect allegation is reviewed at once, counted in real hours from now
        execution.setVariable("abuseReviewDueAt", Date.from(now.plus(Duration.ofHours(facility.abuseReviewHours()))));
    }

    private List<Regime> regimes(DelegateExecution execution) {
        Object value = execution.getVariable("regimes");
        if (value == null || value.toString().isBlank()) {
            return facility.defaultRegimes();
        }
        try {
            return Arrays.stream(value.toString().split(",")).map(String::trim).map(Regime::valueOf).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new IntakeRejectedException("regimes", "has a value that is not one of " + Arrays.toString(Regime.values()));
        }
    }

    private static ExpediteTrigger trigger(DelegateExecution execution) {
        Object value = execution.getVariable("expediteTrigger");
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            return ExpediteTrigger.valueOf(value.toString());
        } catch (IllegalArgumentException e) {
            throw new IntakeRejectedException("expediteTrigger", "is not one of the known values");
        }
    }

    private Instant optionalTime(DelegateExecution execution, String name, ZoneId zone) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        Instant t = ReceiptTime.parse(value, zone);
        timeBounds.require(name, t);
        return t;
    }

    private static PatientContact contact(DelegateExecution execution) {
        String email = text(execution, IntakeVariables.PATIENT_EMAIL, 200);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IntakeRejectedException(IntakeVariables.PATIENT_EMAIL, "is not an email address");
        }
        return new PatientContact(email, text(execution, IntakeVariables.PATIENT_ADDRESS, 500),
                text(execution, IntakeVariables.MEMBER_ID, 50), flag(execution, IntakeVariables.MEDICARE_BENEFICIARY),
                flag(execution, IntakeVariables.QUALITY_OF_CARE), flag(execution, IntakeVariables.PREMATURE_DISCHARGE));
    }

    /** Who filed (E8): a representative needs a name, a relationship and the state of their documentation. */
    private static CaseRequester requester(DelegateExecution execution) {
        String filedBy = text(execution, IntakeVariables.FILED_BY, 20);
        if (filedBy == null || FiledBy.PATIENT.name().equals(filedBy)) {
            return CaseRequester.patient();
        }
        if (!FiledBy.REPRESENTATIVE.name().equals(filedBy)) {
            throw new IntakeRejectedException(IntakeVariables.FILED_BY, "is not one of the known values");
        }
        String name = text(execution, IntakeVariables.REPRESENTATIVE_NAME, 200);
        String relationship = text(execution, IntakeVariables.REPRESENTATIVE_RELATIONSHIP, 100);
        String authority = text(execution, IntakeVariables.REPRESENTATIVE_AUTHORITY, 20);
        if (name == null) {
            throw new IntakeRejectedException(IntakeVariables.REPRESENTATIVE_NAME, "is required when a representative filed");
        }
        if (relationship == null) {
            throw new IntakeRejectedException(IntakeVariables.REPRESENTATIVE_RELATIONSHIP, "is required when a representative filed");
        }
        if (authority == null) {
            throw new IntakeRejectedException(IntakeVariables.REPRESENTATIVE_AUTHORITY, "is required when a representative filed");
        }
        try {
            RepresentativeAuthority.valueOf(authority);
        } catch (IllegalArgumentException e) {
            throw new IntakeRejectedException(IntakeVariables.REPRESENTATIVE_AUTHORITY, "is not one of the known values");
        }
        String email = text(execution, IntakeVariables.REPRESENTATIVE_EMAIL, 200);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IntakeRejectedException(IntakeVariables.REPRESENTATIVE_EMAIL, "is not an email address");
        }
        return new CaseRequester(CaseRequester.REPRESENTATIVE, name, relationship, authority,
                text(execution, IntakeVariables.REPRESENTATIVE_ADDRESS, 500), email);
    }

    /** From the API: a transient variable; from Tasklist's start form: held beside the engine by the gate. */
    private static Object caseRecordOnly(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value != null ? value : CaseRecordOnlyInput.get(name);
    }

    /** A checkbox of the start form (Boolean) or a flag as text. */
    private static boolean flag(DelegateExecution execution, String name) {
        Object value = caseRecordOnly(execution, name);
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    private static String text(DelegateExecution execution, String name, int max) {
        Object value = caseRecordOnly(execution, name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value.toString().length() > max) {
            throw new IntakeRejectedException(name, "must be at most " + max + " characters");
        }
        IntakeData.requirePrintable(name, value.toString());
        return value.toString().trim();
    }
}
