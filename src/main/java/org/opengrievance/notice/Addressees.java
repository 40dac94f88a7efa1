package org.opengrievance.notice;

import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.springframework.stereotype.Component;

/** A case's {@link Addressee}, from the case record (the patient's contact and who filed). */
@Component
class Addressees {

    private final GrievanceCaseRepository cases;

    Addressees(GrievanceCaseRepository cases) {
        this.cases = cases;
    }

    Addressee of(String caseNumber) {
        String patient = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber))
                .patientName();
        return Addressee.of(patient, cases.contact(caseNumber), cases.requester(caseNumber));
    }
}
