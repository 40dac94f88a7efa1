package org.opengrievance.grievance;

/**
 * Ids of processes/investigation.bpmn that Java refers to, and the variables it hands back to the grievance
 * (call activity {@link GrievanceProcess#INVESTIGATE}, mapped variable by variable: docs/model-contract.md).
 */
public final class InvestigationProcess {

    public static final String KEY = "investigation";

    // activities
    public static final String ROUTE_TO_DEPARTMENT = "routeToDepartment";
    public static final String GATHER_FINDINGS = "gatherFindings";
    public static final String CODE_ISSUE = "codeIssue";

    // variables returned to the grievance
    public static final String DEPARTMENT = "department";
    public static final String HCAT_CATEGORY = "hcatCategory";
    public static final String HCAT_SEVERITY = "hcatSeverity";
    public static final String HARM_LEVEL = "harmLevel";

    private InvestigationProcess() {
    }
}
