package org.opengrievance.intake;

/** How the complaint reached the facility. Email, fax and portal count as written (CMS-HOSP-2(c)). */
public enum Channel {
    PHONE, IN_PERSON, LETTER, EMAIL, FAX, PORTAL,
    /** a satisfaction-survey comment: screened, a grievance only when an identified patient asks for resolution (CMS-HOSP-2(h), E9) */
    SURVEY
}
