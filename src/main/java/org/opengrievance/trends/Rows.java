package org.opengrievance.trends;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chart rows: key-value pairs in column order, where a value may be null (no value). */
final class Rows {

    private Rows() {
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** Days (of 24 hours) with one decimal, half up; null stays null. */
    static BigDecimal days(Double days) {
        return days == null ? null : BigDecimal.valueOf(days).setScale(1, RoundingMode.HALF_UP);
    }
}
