package org.opengrievance.relink;

/** How a new case arose from another one (table {@code case_link}, column {@code kind}). */
public enum LinkKind {
    /** E2(b): a closed complaint or non-grievance became a grievance when the patient asked for a response */
    CONVERTED,
    /** E5: an open case was put on another track; the first case closed as RECLASSIFIED */
    RECLASSIFIED,
    /** MA-1: one part of a mixed contact went onto its own track; the first case stays open for the rest */
    SPLIT
}
