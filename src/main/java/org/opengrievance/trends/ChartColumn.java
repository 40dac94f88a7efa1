package org.opengrievance.trends;

/** A column of a chart: the row key, the label a person reads (and the CSV header), and whether it is a series. */
public record ChartColumn(String key, String label, boolean numeric) {

    static ChartColumn text(String key, String label) {
        return new ChartColumn(key, label, false);
    }

    static ChartColumn number(String key, String label) {
        return new ChartColumn(key, label, true);
    }
}
