package org.opengrievance.intake;

/** Where the complaint arose; the routing decision turns it into an investigating department. */
public enum ServiceArea {
    NURSING, EMERGENCY, PHYSICIAN, BILLING, DIETARY, FACILITIES, OTHER
}
