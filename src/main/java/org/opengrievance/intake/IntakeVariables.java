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

    public static final Set<String> CASE_RECORD_ONLY = Set.of(PATIENT_EMAIL, PATIENT_ADDRESS, MEMBER_ID,
            MEDICARE_BENEFICIARY, QUALITY_OF_CARE, PREMATURE_DISCHARGE);

    private IntakeVariables() {
    }
}
