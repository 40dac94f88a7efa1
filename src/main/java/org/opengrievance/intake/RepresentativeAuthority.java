package org.opengrievance.intake;

/** Whether documentation of a representative's authority (e.g. an appointment of representative) is on file (E8). */
public enum RepresentativeAuthority {
    ON_FILE, REQUESTED, NOT_REQUIRED
}
