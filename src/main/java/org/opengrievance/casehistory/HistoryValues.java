package org.opengrievance.casehistory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** Engine values as JSON can carry them: text, numbers and booleans as they are, instants with the zone's offset. */
final class HistoryValues {

    private HistoryValues() {
    }

    static OffsetDateTime at(Date date, ZoneId zone) {
        return date == null ? null : OffsetDateTime.ofInstant(date.toInstant(), zone);
    }

    /**
     * A recorded value: objects and JSON stay in their serialized form (they are never deserialized here, so no
     * class of a value decides what runs), dates become instants.
     */
    static Object plain(TypedValue typed, ZoneId zone) {
        if (typed == null) {
            return null;
        }
        if (typed instanceof SerializableValue serializable && !serializable.isDeserialized()) {
            return serializable.getValueSerialized();
        }
        return plain(typed.getValue(), zone);
    }

    static Object plain(Object value, ZoneId zone) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Date d) {
            return at(d, zone);
        }
        if (value instanceof Instant i) {
            return OffsetDateTime.ofInstant(i, zone);
        }
        if (value instanceof byte[]) {
            return "(binary)";
        }
        return String.valueOf(value);
    }
}
