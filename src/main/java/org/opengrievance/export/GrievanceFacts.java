package org.opengrievance.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What our tables say about one grievance under one regime (one clock): grievance_case, case_clock, and the
 * trails letter, notification_event and classification_event. Never anything from the engine's tables.
 */
record GrievanceFacts(
        String caseNumber,
        String regime,
        /** the zone of the regime's clock (E10): the facility's for the hospital clock, the plan's for a plan's */
        ZoneId zone,
        /** the receipt the clock counts from (case_clock.received_at: the plan's receipt, or a converted complaint's original) */
        Instant receivedAt,
        String ownerName,
        String channel,
        String facilityName,
        String patientName,
        String complaintText,
        String serviceArea,
        String classification,
        String classificationRule,
        /** the person's decision on the suggestion: CONFIRMED or OVERRIDDEN (classification_event), or null */
        String classificationDecision,
        String status,
        String closureReason,
        Instant closedAt,
        String memberId,
        boolean qualityOfCare,
        String requester,
        String resolutionSummary,
        boolean expedited,
        String expediteTrigger,
        Instant bindingDueAt,
        Instant interimSentAt,
        int extensionDays,
        String extensionRequestedBy,
        boolean lateRecorded,
        Letter resolution,
        Letter extensionNotice,
        Instant acknowledgedAt,
        String acknowledgementMode,
        Instant oralResolutionAt) {

    /** A letter of this regime: when it was approved and sent, and how. */
    record Letter(Instant approvedAt, Instant sentAt, String channel) {

        boolean sent() {
            return sentAt != null;
        }
    }

    static final String WITHDRAWN = "WITHDRAWN";

    boolean withdrawn() {
        return WITHDRAWN.equals(closureReason);
    }

    boolean closed() {
        return "CLOSED".equals(status);
    }

    /**
     * In a universe: not withdrawn (CMS excludes withdrawn grievances), and resolved as far as the enrollee is
     * concerned: this regime's written resolution went out, or an oral one was given, or the case was closed. A
     * grievance still pending has no disposition to audit and waits for the next universe.
     */
    boolean inUniverse() {
        return !withdrawn() && (writtenResponseAt() != null || oralResolutionAt != null || closed());
    }

    /** The decision: when this regime's resolution letter was approved (null when there is none). */
    Instant resolvedAt() {
        return resolution == null ? null : resolution.approvedAt();
    }

    /**
     * The resolution in words: the read model's summary once it is written (grievance_case.resolution_summary),
     * until then where the words are: the written notice of that date, kept with its hash (letter).
     */
    String resolutionDescription() {
        if (resolutionSummary != null && !resolutionSummary.isBlank()) {
            return resolutionSummary.strip();
        }
        Instant written = writtenResponseAt();
        return written == null ? null
                : "Stated in the written resolution notice sent " + Cells.cmsDate(written, zone) + ".";
    }

    /** When the written resolution (this regime's letter) went out, or null. */
    Instant writtenResponseAt() {
        return resolution == null ? null : resolution.sentAt();
    }

    boolean extended() {
        return extensionDays > 0;
    }

    /** Late: the clock recorded a breach, or the written response went out after the binding due instant. */
    boolean late() {
        Instant written = writtenResponseAt();
        return lateRecorded || (written != null && written.isAfter(bindingDueAt));
    }

    boolean respondedOnTime() {
        Instant written = writtenResponseAt();
        return written != null && !late();
    }

    LocalDate receiptDate() {
        return receivedAt.atZone(zone).toLocalDate();
    }

    /** Calendar days from the receipt date (day 0) to the date the written response went out, in the clock's zone. */
    Long daysToWrittenResponse() {
        Instant written = writtenResponseAt();
        return written == null ? null
                : java.time.temporal.ChronoUnit.DAYS.between(receiptDate(), written.atZone(zone).toLocalDate());
    }
}
