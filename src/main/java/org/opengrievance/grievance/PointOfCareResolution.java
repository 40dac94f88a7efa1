package org.opengrievance.grievance;

import java.time.OffsetDateTime;

/**
 * Why a case the rules suggested as a grievance was recorded as a complaint: it was resolved at the time by
 * staff present and the patient was satisfied (CMS-HOSP-2(a), (i)). Kept in the case record with the person
 * who recorded it.
 *
 * @param resolvedBy       the staff member present who resolved it (name and role, as entered)
 * @param action           what the staff present did
 * @param patientSatisfied the patient said they were satisfied
 * @param recordedBy       the signed-in user who changed the classification
 * @param recordedAt       when
 */
public record PointOfCareResolution(String resolvedBy, String action, boolean patientSatisfied, String recordedBy,
        OffsetDateTime recordedAt) {
}
