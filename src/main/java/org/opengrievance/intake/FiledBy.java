package org.opengrievance.intake;

/** Who filed (E8): the patient or enrollee, or a representative. */
public enum FiledBy {
    PATIENT, REPRESENTATIVE
}
