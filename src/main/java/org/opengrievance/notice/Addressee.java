package org.opengrievance.notice;

import org.opengrievance.grievance.CaseRequester;
import org.opengrievance.grievance.PatientContact;
import org.opengrievance.letter.LetterContent;

/**
 * Whom a case's letters go to and how to reach them (E8). The patient, unless a representative filed whose authority
 * is on file or needs no document: then the representative, with their own email and address, and the patient named
 * as the person the letter is about. A representative whose documentation was only requested is not yet known to act
 * for the patient, so the letters (with the patient's health information) still go to the patient, who is told who
 * filed; the clocks run on meanwhile (docs/guide-letter-templates.md, "Letters to a representative").
 *
 * @param name           the addressee's name
 * @param email          the addressee's email address, or null
 * @param address        the addressee's postal address, or null
 * @param representative who filed for the patient (null when the patient filed), and whether they are the addressee
 */
record Addressee(String name, String email, String address, LetterContent.Representative representative) {

    static final String ON_FILE = "ON_FILE";
    static final String NOT_REQUIRED = "NOT_REQUIRED";

    static Addressee of(String patientName, PatientContact patient, CaseRequester requester) {
        if (requester == null || !requester.isRepresentative()) {
            return new Addressee(patientName, patient.email(), patient.address(), null);
        }
        boolean authorized = ON_FILE.equals(requester.authority()) || NOT_REQUIRED.equals(requester.authority());
        LetterContent.Representative rep = new LetterContent.Representative(requester.name(), requester.relationship(),
                authorized);
        return authorized ? new Addressee(requester.name(), requester.email(), requester.address(), rep)
                : new Addressee(patientName, patient.email(), patient.address(), rep);
    }

    boolean hasEmail() {
        return email != null && !email.isBlank();
    }

    boolean isRepresentative() {
        return representative != null && representative.addressee();
    }
}
