package org.opengrievance.relink;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.opengrievance.grievance.CaseRequester;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.PatientContact;

/**
 * The case a new linked case comes from, as far as the new case needs it: the case record (patient, complaint,
 * contact), the regimes of its clocks and the receipts they count from, and the intake facts the models decided
 * on (process variables of its start, read from the engine's history).
 *
 * @param requester          who filed it (E8): the new case has the same requester
 * @param planCase           one of its regimes is a plan's (only a plan has appeals and coverage requests)
 * @param originalReceivedAt the first receipt of the contact: the earliest instant any of its clocks counts from
 * @param planReceivedAt     when the plan received it, where that is later than the original receipt (E11), or null
 * @param intakeFacts        the flags and codes of the intake the models read (abuseOrNeglect, subject, ...)
 */
record SourceCase(GrievanceCase record, PatientContact contact, CaseRequester requester, List<String> regimes,
        boolean planCase, Instant originalReceivedAt, Instant planReceivedAt, Map<String, Object> intakeFacts,
        boolean running) {

    String caseNumber() {
        return record.caseNumber();
    }

    ZoneId zone() {
        return ZoneId.of(record.facilityZone());
    }

    boolean open() {
        return GrievanceCase.OPEN.equals(record.status()) && running;
    }
}
