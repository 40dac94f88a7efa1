package org.opengrievance.deployment;

import java.util.List;
import java.util.Set;

/**
 * The ids the project's code, API, tests and audit trail depend on (docs/model-contract.md, "Contract ids").
 * A deployment that defines one of these process keys, decision ids or form ids, or that replaces a shipped
 * file (same file name), must keep every id listed for it. {@code ContractIdsTests} checks that each id exists
 * in the shipped models and that the document lists exactly these.
 */
public final class ContractIds {

    /** A process key, the file that ships it, its activity ids (tasks, call activities, sub-processes), its messages. */
    public record ProcessContract(String key, String file, Set<String> activityIds, Set<String> messageNames) {
    }

    /** A decision id, the file that ships it, the outputs the models and the code read. */
    public record DecisionContract(String id, String file, Set<String> outputs) {
    }

    public static final List<ProcessContract> PROCESSES = List.of(
            new ProcessContract("grievance", "grievance.bpmn", Set.of(
                    "complaintReceived", "registerCase", "classifyComplaint", "confirmClassification",
                    "stopClocksComplaint", "closeComplaint", "sendClassificationNotice", "acknowledgeReceipt", "sendAcknowledgementLetter",
                    "recordOralAcknowledgement", "investigate", "draftResponse", "approveResponse",
                    "sendResolutionLetter", "stopClocks", "closeGrievance", "recordClosure", "reviewAbuseAllegation",
                    "runDeadlineClocks", "withdrawal", "stopClocksOnWithdrawal", "continueAbuseReview",
                    "recordWithdrawnClosure", "stopClocksNotGrievance", "closeNonGrievance", "openHandOff",
                    "sendProcedureNotice", "handOffToAppeals", "closeHandOff", "closeInquiry",
                    "reclassification", "stopClocksOnReclassification", "continueAbuseReviewAfterReclassification",
                    "recordReclassifiedClosure", "informDischargeAppealRight", "findPossibleDuplicates",
                    "checkPossibleDuplicates", "attachToOpenCase", "stopClocksOnAttach", "closeAttachedContact"),
                    Set.of("GrievanceWithdrawn", "CaseReclassified")),
            new ProcessContract("investigation", "investigation.bpmn", Set.of(
                    "routeToDepartment", "gatherFindings", "codeIssue"),
                    Set.of()),
            new ProcessContract("hospitalClock", "hospital-clock.bpmn", Set.of(
                    "startClock", "clockRunning", "recomputeClock", "remindAssignees", "sendInterimNotice",
                    "sendInterimLetter", "bindFollowUpDate", "reviewNearDeadline", "recordBreach",
                    "reviewMissedDeadline"),
                    Set.of("ClockStop", "ClockRecompute")),
            new ProcessContract("planClock", "plan-clock.bpmn", Set.of(
                    "startClock", "clockRunning", "recomputeClock", "remindAssignees", "reviewNearDeadline",
                    "recordBreach", "reviewMissedDeadline", "sendExtensionNotice", "sendExtensionLetter"),
                    Set.of("ClockStop", "ClockRecompute")),
            new ProcessContract("letterDelivery", "letter-delivery.bpmn", Set.of(
                    "prepareLetter", "emailLetter", "printAndMailLetter", "recordMailing", "resolveUnsentLetter"),
                    Set.of()),
            new ProcessContract("caseChange", "case-change.bpmn", Set.of("caseChangeRequested", "changeCase"),
                    Set.of()),
            new ProcessContract("monthlyReport", "monthly-report.bpmn", Set.of("reportRequested",
                    "chooseReportMonth", "buildReport", "emailReport"),
                    Set.of()),
            new ProcessContract("monthlyReportSchedule", "monthly-report-schedule.bpmn", Set.of(
                    "firstBusinessDayOfMonth", "runMonthlyReport"),
                    Set.of()));

    public static final List<DecisionContract> DECISIONS = List.of(
            new DecisionContract("GrievanceClassification", "classification.dmn",
                    Set.of("suggestedClassification", "classificationReason", "classificationRule",
                            "suggestedRoute", "classificationOverridable", "classificationOverrideRefusal")),
            new DecisionContract("HandOffDeadline", "handoff-policy.dmn", Set.of("unit", "length", "citation")),
            new DecisionContract("DeadlinePolicy", "deadline-policy.dmn",
                    Set.of("unit", "length", "extensionLimitDays", "reminderBeforeHours", "escalationBeforeHours",
                            "interimNoticeBeforeHours", "extensionNoticeDays", "citation")),
            new DecisionContract("DepartmentRouting", "routing.dmn", Set.of("department")));

    /** Form ids referenced by formRef; each ships as {@code forms/<id>.form}. */
    public static final Set<String> FORMS = Set.of(
            "grievance-intake", "confirm-classification", "acknowledge-receipt", "gather-findings", "code-issue",
            "draft-response", "approve-response", "close-grievance", "abuse-review", "interim-notice",
            "extension-notice", "deadline-review", "print-letter", "unsent-letter", "hand-off-to-appeals",
            "case-change", "discharge-appeal-rights", "check-duplicates", "monthly-report-request");

    private ContractIds() {
    }
}
