package org.opengrievance.notice;

import java.time.OffsetDateTime;

/**
 * The patient was told something (a row of notification_event): published synchronously, in the transaction
 * that records it. {@code kind} is the letter kind ({@code ACKNOWLEDGEMENT}, {@code RESOLUTION}, ...),
 * {@code mode} {@code WRITTEN} or {@code ORAL}.
 */
public record NotificationRecorded(String caseNumber, String kind, String mode, OffsetDateTime notifiedAt) {
}
