package org.opengrievance.security;

import java.util.List;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The Camunda groups that are this engine's roles (docs/model-contract.md). A user's groups are its Spring
 * authorities, under the same names, so URL rules and engine authorizations speak of the same thing.
 */
public final class Roles {

    public static final String INTAKE = "intake";
    public static final String PATIENT_RELATIONS = "patient-relations";
    public static final String PR_DIRECTOR = "pr-director";
    public static final String AUDITOR = "auditor";
    /** The plan's appeals team: takes over coverage requests and appeals the grievance intake hands off (MA-1). */
    public static final String APPEALS = "appeals";
    /** Case management: the Medicare discharge appeal right of a patient who says the discharge is too early (E4). */
    public static final String CASE_MANAGEMENT = "case-management";
    public static final String ADMIN = Groups.CAMUNDA_ADMIN;
    /** Reads the metrics at /actuator/prometheus and health details, nothing else (docs/operations.md). */
    public static final String MONITORING = "monitoring";

    /** One investigator group per department: {@code investigators-<department>}. */
    public static final List<String> DEPARTMENTS = List.of("nursing", "medical-staff", "patient-financial-services",
            "support-services", "risk-management", "patient-relations");

    public static final List<String> INVESTIGATORS = DEPARTMENTS.stream().map(d -> "investigators-" + d).toList();

    private Roles() {
    }
}
