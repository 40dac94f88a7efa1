package org.opengrievance.discharge;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;

import org.opengrievance.clock.ClockService;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.springframework.stereotype.Component;

/**
 * E4, CMS-HOSP-4: a patient who says the discharge is too early may, as a Medicare beneficiary still in the
 * hospital, ask the QIO for an expedited review no later than midnight of the day of discharge (42 CFR
 * 405.1205-405.1206, 422.620-422.622). The appeal is not part of the grievance process, so the model gives case
 * management its own task ({@code informDischargeAppealRight}), due by the end of the day the complaint was
 * received, in the facility's zone: the discharge may be that same day, and after its midnight the right to the
 * expedited review is gone. The receipt comes from the case record, found by the business key.
 */
@Component("dischargeAppeal")
public class DischargeAppealRight {

    /** The gateway's variable, set by registerCase from the intake's case-record-only premature-discharge flag. */
    public static final String REVIEW_VARIABLE = "dischargeAppealReview";
    public static final String TASK = "informDischargeAppealRight";
    public static final String ACTION = "dischargeAppealAction";
    public static final String NOTE = "dischargeAppealNote";

    private final GrievanceCaseRepository cases;

    DischargeAppealRight(GrievanceCaseRepository cases) {
        this.cases = cases;
    }

    /** The task's due date: 23:59:59.999 of the receipt day, in the facility's zone. */
    public Date dueAt(String caseNumber) {
        return Date.from(due(caseNumber));
    }

    Instant due(String caseNumber) {
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        ZoneId zone = ZoneId.of(c.facilityZone());
        return ClockService.endOfDay(c.receivedAt().atZoneSameInstant(zone).toLocalDate(), zone);
    }
}
