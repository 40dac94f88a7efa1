package org.opengrievance.trends;

import static org.opengrievance.trends.ChartColumn.number;
import static org.opengrievance.trends.ChartColumn.text;
import static org.opengrievance.trends.Rows.row;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.opengrievance.regime.Regime;
import org.opengrievance.tasks.Labels;

/** How fast: timeliness of the clocks due in the period, days to the written response, the age of open cases. */
final class TimeCharts {

    /** The age bands of open cases: upper bound in days (inclusive) and label; the last has none. */
    private static final List<Map.Entry<Long, String>> AGE_BANDS = List.of(Map.entry(7L, "0–7 days"),
            Map.entry(14L, "8–14 days"), Map.entry(30L, "15–30 days"), Map.entry(60L, "31–60 days"),
            Map.entry(Long.MAX_VALUE, "over 60 days"));

    private TimeCharts() {
    }

    /**
     * Per regime, the clocks whose binding deadline falls in the period, of cases owing a response (grievances and
     * cases not yet classified). Each clock counts once: late (breached, or stopped after its deadline), answered on
     * time within an extension, answered on time, or still open.
     */
    static Chart timeliness(List<TrendClock> clocks) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (Regime r : Regime.values()) {
            clocks.stream().filter(k -> k.regime().equals(r.name())).forEach(k -> tally(counts, Labels.of(r.name()), k));
        }
        clocks.stream().filter(k -> Arrays.stream(Regime.values()).noneMatch(r -> r.name().equals(k.regime())))
                .forEach(k -> tally(counts, Labels.of(k.regime()), k));
        List<Map<String, Object>> rows = counts.entrySet().stream().map(e -> row("regime", e.getKey(),
                "onTime", e.getValue()[0], "late", e.getValue()[1], "extended", e.getValue()[2], "open", e.getValue()[3]))
                .toList();
        return new Chart("timeliness", "Timeliness of responses due", "bar", List.of(text("regime", "Regime"),
                number("onTime", "On time"), number("late", "Late"), number("extended", "On time, extended"),
                number("open", "Open")), rows);
    }

    private static void tally(Map<String, long[]> counts, String regime, TrendClock k) {
        long[] c = counts.computeIfAbsent(regime, r -> new long[4]);
        if (k.late()) {
            c[1]++;
        } else if (k.stoppedAt() == null) {
            c[3]++;
        } else if (k.extensionDays() > 0) {
            c[2]++;
        } else {
            c[0]++;
        }
    }

    /**
     * Days (24 hours) from receipt to the first written response, of the period's grievances answered in writing:
     * per department, then all departments; nearest-rank median and 90th percentile, one decimal.
     */
    static Chart responseDays(List<TrendCase> cases) {
        Map<String, List<Double>> byDepartment = new TreeMap<>();
        List<Double> all = new ArrayList<>();
        cases.stream().filter(Classifications::grievance).filter(c -> c.writtenResponseAt() != null).forEach(c -> {
            double days = Duration.between(c.receivedAt(), c.writtenResponseAt()).toSeconds() / 86_400.0;
            byDepartment.computeIfAbsent(VolumeCharts.department(c), d -> new ArrayList<>()).add(days);
            all.add(days);
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        byDepartment.forEach((department, days) -> rows.add(stats(department, days)));
        if (!all.isEmpty()) {
            rows.add(stats("All departments", all));
        }
        return new Chart("responseDays", "Days to written response", "table", List.of(text("department", "Department"),
                number("cases", "Cases"), number("medianDays", "Median days"), number("p90Days", "90th percentile days")),
                rows);
    }

    private static Map<String, Object> stats(String department, List<Double> days) {
        List<Double> sorted = days.stream().sorted().toList();
        return row("department", department, "cases", (long) sorted.size(),
                "medianDays", Rows.days(Percentiles.nearestRank(sorted, 50)),
                "p90Days", Rows.days(Percentiles.nearestRank(sorted, 90)));
    }

    /** The period's cases still open now, by whole days from the receipt date to today, both in the case's zone. */
    static Chart openByAge(List<TrendCase> cases, Instant now) {
        long[] counts = new long[AGE_BANDS.size()];
        cases.stream().filter(TrendCase::open).forEach(c -> {
            long age = ChronoUnit.DAYS.between(c.receivedAt().atZone(c.zone()).toLocalDate(), now.atZone(c.zone()).toLocalDate());
            for (int i = 0; i < AGE_BANDS.size(); i++) {
                if (age <= AGE_BANDS.get(i).getKey()) {
                    counts[i]++;
                    break;
                }
            }
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < AGE_BANDS.size(); i++) {
            rows.add(row("ageBand", AGE_BANDS.get(i).getValue(), "count", counts[i]));
        }
        return new Chart("openByAge", "Open cases by age", "bar", List.of(text("ageBand", "Age"),
                number("count", "Count")), rows);
    }
}
