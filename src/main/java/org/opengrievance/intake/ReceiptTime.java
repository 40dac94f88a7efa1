package org.opengrievance.intake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * The receipt instant as the start form or the API hands it over. A Camunda Form datetime field sends a
 * string with an offset; one without an offset is read in the facility's zone, the zone that governs.
 */
public final class ReceiptTime {

    private ReceiptTime() {
    }

    public static Instant parse(Object value, ZoneId facilityZone) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return OffsetDateTime.parse(text.trim()).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                try {
                    return LocalDateTime.parse(text.trim()).atZone(facilityZone).toInstant();
                } catch (DateTimeParseException e) {
                    throw new IntakeRejectedException("receivedAt", "is not an ISO-8601 date-time");
                }
            }
        }
        throw new IntakeRejectedException("receivedAt", "is required");
    }
}
