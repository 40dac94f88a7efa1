package org.opengrievance.intake;

/** What the complaint is about, as far as classification needs it: billing is not a grievance by itself (CMS-HOSP-2(e)). */
public enum Subject {
    CARE, BILLING, STAFF_CONDUCT, ACCESS, COMMUNICATION, OTHER
}
