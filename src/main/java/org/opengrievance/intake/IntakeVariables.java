package org.opengrievance.intake;

import java.util.Set;

/**
 * Intake fields that go to the case record only, never into engine variables or their history: no form after
 * intake shows them and no model decides on them. The API passes them as transient variables; the gate in front
 * of Tasklist's start form marks them transient the same way. {@code registerCase} reads them in the start
 * transaction and writes them to the case record ({@code PatientContact}).
 */
public final class IntakeVariables {

    public static final String PATIENT_EMAIL = "patientEmail";
    public static final String PATIENT_ADDRESS = "patientAddress";
    public static final String MEMBER_ID = "memberId";
    public static final String MEDICARE_BENEFICIARY = "medicareBeneficiary";
    public static final String QUALITY_OF_CARE = "qualityOfCare";
    public static final String PREMATURE_DISCHARGE = "prematureDischarge";
    // who filed (E8): the representative's details go to the letters, nowhere else
    public static final String FILED_BY = "filedBy";
    public static final String REPRESENTATIVE_NAME = "representativeName";
    public static final String REPRESENTATIVE_RELATIONSHIP = "representativeRelationship";
    public static final String REPRESENTATIVE_AUTHORITY = "representativeAuthority";
    public static final String REPRESENTATIVE_ADDRESS = "representativeAddress";
    public static final String REPRESENTATIVE_EMAIL = "representativeEmail";

    // engine variables the classification table decides on, set by registerCase
    public static final String PATIENT_IDENTIFIED = "patientIdentified";
    public static final String CASE_OWNER = "caseOwner";
    /** set only when a person chose the track already: the case was reclassified, split off or converted (E5) */
    public static final String CHOSEN_TRACK = "chosenTrack";

    public static final Set<String> CASE_RECORD_ONLY = Set.of(PATIENT_EMAIL, PATIENT_ADDRESS, MEMBER_ID,
            MEDICARE_BENEFICIARY, QUALITY_OF_CARE, PREMATURE_DISCHARGE, FILED_BY, REPRESENTATIVE_NAME,
            REPRESENTATIVE_RELATIONSHIP, REPRESENTATIVE_AUTHORITY, REPRESENTATIVE_ADDRESS, REPRESENTATIVE_EMAIL);

    private IntakeVariables() {
    }
}
