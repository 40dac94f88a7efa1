package org.opengrievance.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opengrievance.clock.HospitalClock;
import org.opengrievance.config.FacilityProperties;
import org.opengrievance.grievance.CaseNumbers;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.springframework.stereotype.Component;

/**
 * Service task {@code registerCase}: checks the intake data, gives the case its number (the business
 * key), writes the case row and computes the hospital deadlines. It runs in the transaction that starts
 * the process, whether the start came from Tasklist or from the API, so both commit or neither does.
 */
@Component("registerCase")
class RegisterCaseDelegate implements JavaDelegate {

    static final DateTimeFormatter DISPLAY =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm (zzz)", Locale.US);

    private final GrievanceCaseRepository cases;
    private final CaseNumbers caseNumbers;
    private final FacilityProperties facility;
    private final Clock clock;

    RegisterCaseDelegate(GrievanceCaseRepository cases, CaseNumbers caseNumbers, FacilityProperties facility,
            Clock clock) {
        this.cases = cases;
        this.caseNumbers = caseNumbers;
        this.facility = facility;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        IntakeData in = IntakeData.from(execution);
        ZoneId zone = facility.zone();
        Instant receivedAt = ReceiptTime.parse(execution.getVariable("receivedAt"), zone);
        ReceiptTime.requireNotFuture(receivedAt, clock);

        Instant now = clock.instant();
        Instant responseDueAt = HospitalClock.responseDueAt(receivedAt, zone, facility.responseDays());
        Instant abuseReviewDueAt = HospitalClock.immediateReviewDueAt(now, facility.abuseReviewHours());
        String caseNumber = caseNumbers.next(receivedAt.atZone(zone).getYear());

        cases.insert(new GrievanceCase(caseNumber, execution.getProcessInstanceId(), in.channel().name(),
                receivedAt.atZone(zone).toOffsetDateTime(), facility.name(), zone.getId(), in.patientName(),
                in.complaintText(), in.serviceArea().name(), in.preferredLanguage(), null, null, null, null,
                responseDueAt.atZone(zone).toOffsetDateTime(), GrievanceCase.OPEN, null, null, null, null,
                OffsetDateTime.ofInstant(now, zone), currentUser(execution)));

        execution.setProcessBusinessKey(caseNumber);
        execution.setVariable("caseNumber", caseNumber);
        execution.setVariable("facilityName", facility.name());
        execution.setVariable("facilityZone", zone.getId());
        execution.setVariable("receivedAt", receivedAt.atZone(zone).toOffsetDateTime().toString());
        execution.setVariable("responseDueAt", Date.from(responseDueAt));
        execution.setVariable("responseDueDisplay", DISPLAY.format(responseDueAt.atZone(zone)));
        execution.setVariable("abuseReviewDueAt", Date.from(abuseReviewDueAt));
    }

    /** The start event's {@code camunda:initiator} holds the authenticated user who started the case. */
    private static String currentUser(DelegateExecution execution) {
        Object initiator = execution.getVariable("initiator");
        return initiator == null ? null : initiator.toString();
    }
}
