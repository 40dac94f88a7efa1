package org.opengrievance.grievance;

/**
 * Ids of processes/grievance.bpmn that Java refers to, and the variables it reads or writes (see
 * docs/model-contract.md). The case is the business key ({@link CaseKey}); {@link #CASE_NUMBER} is only a
 * copy for the forms to show.
 */
public final class GrievanceProcess {

    public static final String KEY = "grievance";

    // activities
    public static final String REGISTER_CASE = "registerCase";
    public static final String CONFIRM_CLASSIFICATION = "confirmClassification";
    public static final String CLOSE_GRIEVANCE = "closeGrievance";
    public static final String CLOSE_COMPLAINT = "closeComplaint";
    public static final String RECORD_CLOSURE = "recordClosure";
    public static final String RECORD_WITHDRAWN_CLOSURE = "recordWithdrawnClosure";
    public static final String INVESTIGATE = "investigate";
    public static final String DRAFT_RESPONSE = "draftResponse";
    public static final String APPROVE_RESPONSE = "approveResponse";
    public static final String CLOSE_NON_GRIEVANCE = "closeNonGrievance";
    public static final String OPEN_HAND_OFF = "openHandOff";
    public static final String HAND_OFF_TO_APPEALS = "handOffToAppeals";
    public static final String CLOSE_HAND_OFF = "closeHandOff";
    public static final String CLOSE_INQUIRY = "closeInquiry";
    public static final String SEND_PROCEDURE_NOTICE = "sendProcedureNotice";
    /** the event sub-process the withdrawal message starts */
    public static final String WITHDRAWAL = "withdrawal";
    /** the event sub-process the reclassification message starts (E5), and its closing step */
    public static final String RECLASSIFICATION = "reclassification";
    public static final String RECORD_RECLASSIFIED_CLOSURE = "recordReclassifiedClosure";

    // variables
    public static final String CASE_NUMBER = "caseNumber";
    public static final String INITIATOR = "initiator";
    public static final String FACILITY_ZONE = "facilityZone";
    public static final String RESPONSE_DUE_AT = "responseDueAt";
    public static final String RESPONSE_FOLLOW_UP_AT = "responseFollowUpAt";
    public static final String RESPONSE_DUE_DISPLAY = "responseDueDisplay";
    public static final String SUGGESTED_CLASSIFICATION = "suggestedClassification";
    public static final String CLASSIFICATION = "classification";
    public static final String CLASSIFICATION_REASON = "classificationReason";
    public static final String CLASSIFICATION_RULE = "classificationRule";
    public static final String CLASSIFICATION_RESULT = "classificationResult";
    public static final String CASE_OWNER = "caseOwner";
    public static final String SUGGESTED_ROUTE = "suggestedRoute";
    public static final String ROUTE = "route";
    public static final String HAND_OFF_DUE_AT = "handOffDueAt";
    public static final String HAND_OFF_DUE_DISPLAY = "handOffDueDisplay";
    public static final String HAND_OFF_CITATION = "handOffCitation";
    public static final String HAND_OFF_REFERENCE = "appealsReference";
    public static final String CLASSIFICATION_OVERRIDABLE = "classificationOverridable";
    public static final String CLASSIFICATION_OVERRIDE_REFUSAL = "classificationOverrideRefusal";
    public static final String OVERRIDE_REASON = "overrideReason";
    public static final String POINT_OF_CARE_RESOLVED_BY = "pointOfCareResolvedBy";
    public static final String POINT_OF_CARE_PATIENT_SATISFIED = "pointOfCarePatientSatisfied";
    public static final String CLOSURE_REASON = "closureReason";
    public static final String CLOSURE_EFFORTS_NOTE = "closureEffortsNote";
    public static final String POINT_OF_CARE_RESOLUTION = "pointOfCareResolution";
    public static final String WITHDRAWAL_NOTE = "withdrawalNote";
    /** sent with the reclassification message: the new case's track */
    public static final String RECLASSIFIED_AS = "reclassifiedAs";
    public static final String REGIMES = "regimes";
    public static final String RESPONSE_CHANNEL = "responseChannel";
    public static final String RESPONSE_DRAFT = "responseDraft";
    public static final String PATIENT_STEPS_TEXT = "patientStepsText";
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVE = "APPROVE";
    public static final String RESOLUTION_LETTER_IDS = "resolutionLetterIds";

    private GrievanceProcess() {
    }
}
