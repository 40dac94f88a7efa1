package org.opengrievance.duplicates;

/** The ids and variables of the duplicate check in processes/grievance.bpmn (docs/model-contract.md). */
public final class DuplicateVariables {

    // activities
    public static final String FIND_POSSIBLE_DUPLICATES = "findPossibleDuplicates";
    public static final String CHECK_POSSIBLE_DUPLICATES = "checkPossibleDuplicates";
    public static final String ATTACH_TO_OPEN_CASE = "attachToOpenCase";
    public static final String STOP_CLOCKS_ON_ATTACH = "stopClocksOnAttach";
    public static final String CLOSE_ATTACHED_CONTACT = "closeAttachedContact";

    // engine-owned: set by findPossibleDuplicates for the gateway and the form
    /** Boolean: at least one open case may be about the same matter (the gateway "Possible duplicate?"). */
    public static final String POSSIBLE_DUPLICATES = "possibleDuplicates";
    /** String: the candidates as lines of text, for the form to show. */
    public static final String POSSIBLE_DUPLICATES_TEXT = "possibleDuplicatesText";
    /** Json: the candidates as options of the form's select ({@code valuesKey}), {@code [{label, value}]}. */
    public static final String CANDIDATE_OPTIONS = "duplicateCandidateOptions";

    // written by the person at checkPossibleDuplicates
    /** {@code ATTACH} or {@code NEW}. */
    public static final String DECISION = "duplicateDecision";
    /** The case number of the listed open case to attach to. */
    public static final String ATTACH_TO_CASE = "attachToCase";

    public static final String ATTACH = "ATTACH";
    public static final String NEW = "NEW";

    /** The closure reason of a contact attached to an open case. */
    public static final String DUPLICATE_ATTACHED = "DUPLICATE_ATTACHED";

    private DuplicateVariables() {
    }
}
