package org.opengrievance.relink;

/**
 * Ids and variables of processes/case-change.bpmn ("Reclassify, split or convert a case"), which staff start from
 * Tasklist: its start form's fields are the variables below, and its one service task carries out the change.
 */
public final class CaseChangeProcess {

    public static final String KEY = "caseChange";
    public static final String FORM = "case-change";
    public static final String CHANGE_CASE = "changeCase";

    // the start form's fields
    public static final String CHANGE_KIND = "changeKind";
    public static final String SOURCE_CASE_NUMBER = "sourceCaseNumber";
    public static final String NEW_CLASSIFICATION = "newClassification";
    public static final String CHANGE_REASON = "changeReason";
    public static final String PATIENT_ASKED_AT = "patientAskedAt";
    public static final String PART_TEXT = "partText";

    /** set by {@code changeCase}: the new case numbers, comma-separated */
    public static final String NEW_CASE_NUMBERS = "newCaseNumbers";

    /** The values of {@link #CHANGE_KIND}. */
    enum Kind {
        CONVERT, RECLASSIFY, SPLIT
    }

    private CaseChangeProcess() {
    }
}
