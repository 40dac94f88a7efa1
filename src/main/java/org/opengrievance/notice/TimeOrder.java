package org.opengrievance.notice;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.opengrievance.refusal.Refusal;

/**
 * "When did you do it" times are bounded by what they follow: a letter is not mailed before it was approved,
 * a patient is not told anything before the grievance was received. The refusal is one plain sentence; it may
 * show a time of the letter itself, never the patient's data.
 */
final class TimeOrder {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm 'on' d MMMM", Locale.ENGLISH);

    private TimeOrder() {
    }

    /** "10:29 on 1 December (Chicago)": a time as the forms show it, in the facility's zone. */
    static String shown(Instant at, ZoneId zone) {
        String id = zone.getId();
        String place = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
        return SHOWN.format(at.atZone(zone)) + " (" + place + ")";
    }

    /** Refuses {@code field} when {@code mailedAt} lies before the letter was approved (or generated). */
    static void mailedAfterApproval(String field, Instant mailedAt, Instant letterReady, boolean approved, ZoneId zone) {
        if (letterReady != null && mailedAt.isBefore(letterReady)) {
            throw Refusal.badField(field, "The letter cannot have been mailed before it was "
                    + (approved ? "approved" : "generated") + " at " + shown(letterReady, zone) + ".");
        }
    }

    /** Refuses {@code field} when an oral notification lies before the grievance was received. */
    static void notifiedAfterReceipt(String field, Instant notifiedAt, Instant receivedAt) {
        if (receivedAt != null && notifiedAt.isBefore(receivedAt)) {
            throw Refusal.badField(field, "The patient cannot have been told before the grievance was received: "
                    + "enter a time after the receipt time shown on the case.");
        }
    }

    /** An oral notification recorded now (the acknowledgement task), when the receipt lies a few minutes ahead. */
    static void notifiedNowAfterReceipt(Instant now, Instant receivedAt) {
        if (receivedAt != null && now.isBefore(receivedAt)) {
            throw Refusal.conflict(null, "The receipt time is still a few minutes ahead: acknowledge the grievance "
                    + "once that time has passed.");
        }
    }
}
