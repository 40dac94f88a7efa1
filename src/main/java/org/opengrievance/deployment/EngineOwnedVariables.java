package org.opengrievance.deployment;

import java.util.Set;

/**
 * Process variables that only the engine and the project's code set: the case number and facility, every
 * deadline and clock instant, the classification decision's suggestion, the routing result, the initiator,
 * letter ids and what a calling model passes to a letter. A form may show them (read-only or disabled
 * fields) but not declare an editable field for them; the HTTP gate refuses them in task completions too.
 *
 * <p>Deliberately absent, because people set them in today's forms: {@code classification} (confirmed or
 * overridden at {@code confirmClassification}), {@code receivedAt} (the intake form; normalised by
 * {@code registerCase}), {@code issue1} (set to the complaint, then edited at {@code gatherFindings}),
 * {@code closureReason}, {@code responseChannel}, {@code interimNoticeSentVia}, {@code extensionNoticeSentVia}.
 */
public final class EngineOwnedVariables {

    public static final Set<String> NAMES = Set.of(
            // registerCase
            "caseNumber", "facilityName", "facilityZone", "responseDueAt", "responseDueDisplay",
            "responseFollowUpAt", "abuseReviewDueAt", "regimes", "expedited", "hasPlanClock", "emailOnFile",
            "initiator", "dischargeAppealReview",
            // the classification decision (GrievanceClassification) and the routing decision (DepartmentRouting)
            "classificationResult", "suggestedClassification", "classificationReason", "classificationRule",
            "classificationOverridable", "classificationOverrideRefusal", "department", "caseOwner", "chosenTrack",
            "suggestedRoute", "handOffDueAt", "handOffDueDisplay", "handOffCitation",
            // the clocks (startClock, recomputeClock, recordBreach) and their element variable
            "regime", "reminderAt", "escalationAt", "bindingDueAt", "interimNoticeAt", "interimNoticeDueAt",
            "extensionNoticeDueAt", "bindingDueDisplay", "followUpDueDisplay", "lateAtDisplay", "late",
            "lateReviewDueAt", "reminderSpent", "escalationSpent",
            // letters
            "letterId", "resolutionLetterId", "resolutionLetterIds", "letterKind", "letterKindLabel",
            "letterDueAt", "deliveryChannel", "notificationKind", "letterNotSentReason",
            // the duplicate check (findPossibleDuplicates): whether there are candidates, and what the form lists
            "possibleDuplicates", "possibleDuplicatesText", "duplicateCandidateOptions",
            // the words for codes, set on each task as it is created (tasks.Labels)
            "suggestedClassificationLabel", "preferredLanguageLabel", "regimeLabel", "departmentLabel",
            "hcatCategoryLabel", "classificationLabel",
            // a reclassification (relink): the new track, sent with the message; the cases a case change opened
            "reclassifiedAs", "newCaseNumbers",
            // the monthly report (report.MonthlyReportProcess): the stored report, who asked for it
            "reportId", "reportRequestedBy");

    private EngineOwnedVariables() {
    }
}
