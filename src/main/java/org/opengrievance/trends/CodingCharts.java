package org.opengrievance.trends;

import static org.opengrievance.trends.ChartColumn.number;
import static org.opengrievance.trends.ChartColumn.text;
import static org.opengrievance.trends.Rows.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the grievances were about: the HCAT coding (category and domain, severity and harm) and recurring themes. */
final class CodingCharts {

    private static final Map<String, String> SEVERITY = Map.of("1", "1 – Low", "2", "2 – Medium", "3", "3 – High");
    private static final Map<String, String> HARM = Map.of("0", "0 – No harm", "1", "1 – Minimal harm",
            "2", "2 – Minor harm", "3", "3 – Moderate harm", "4", "4 – Major harm", "5", "5 – Catastrophic");

    private CodingCharts() {
    }

    /** The seven categories in HCAT order, also those without grievances; a code outside them after them. */
    static Chart byHcat(List<TrendCase> cases) {
        Map<String, Long> counts = coded(cases).stream()
                .collect(Collectors.groupingBy(TrendCase::hcatCategory, TreeMap::new, Collectors.counting()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (HcatCategories c : HcatCategories.values()) {
            rows.add(row("domain", c.domain(), "category", c.label(), "count", counts.getOrDefault(c.name(), 0L)));
        }
        counts.forEach((code, n) -> {
            if (HcatCategories.of(code).isEmpty()) {
                rows.add(row("domain", "Not an HCAT category", "category", code, "count", n));
            }
        });
        return new Chart("byHcat", "Grievances by HCAT category", "bar", List.of(text("domain", "Domain"),
                text("category", "Category"), number("count", "Count")), rows);
    }

    /** Each severity and harm level that occurs, by severity then harm. */
    static Chart bySeverity(List<TrendCase> cases) {
        Map<List<String>, Long> counts = cases.stream().filter(Classifications::grievance)
                .filter(c -> c.hcatSeverity() != null || c.harmLevel() != null)
                .collect(Collectors.groupingBy(c -> List.of(label(SEVERITY, c.hcatSeverity()), label(HARM, c.harmLevel())),
                        Collectors.counting()));
        List<Map<String, Object>> rows = counts.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.<List<String>, String>comparing(k -> k.get(0))
                        .thenComparing(k -> k.get(1))))
                .map(e -> row("severity", e.getKey().get(0), "harmLevel", e.getKey().get(1), "count", e.getValue()))
                .toList();
        return new Chart("bySeverity", "Grievances by HCAT severity and harm", "bar", List.of(text("severity", "Severity"),
                text("harmLevel", "Harm level"), number("count", "Count")), rows);
    }

    /** HCAT category · department pairs with at least two grievances: the ten largest, and in how many months. */
    static Chart themes(List<TrendCase> cases) {
        Map<String, List<TrendCase>> byTheme = coded(cases).stream().filter(c -> c.department() != null)
                .collect(Collectors.groupingBy(c -> HcatCategories.label(c.hcatCategory()) + " · "
                        + VolumeCharts.department(c)));
        List<Map<String, Object>> rows = byTheme.entrySet().stream()
                .filter(e -> e.getValue().size() >= 2)
                .sorted(Comparator.<Map.Entry<String, List<TrendCase>>>comparingInt(e -> -e.getValue().size())
                        .thenComparing(Map.Entry::getKey))
                .limit(10)
                .map(e -> row("theme", e.getKey(), "count", (long) e.getValue().size(), "months",
                        e.getValue().stream().map(TrendCase::month).distinct().count()))
                .toList();
        return new Chart("themes", "Recurring themes", "table", List.of(text("theme", "Theme"),
                number("count", "Count"), number("months", "Months")), rows);
    }

    private static List<TrendCase> coded(List<TrendCase> cases) {
        return cases.stream().filter(Classifications::grievance).filter(c -> c.hcatCategory() != null).toList();
    }

    private static String label(Map<String, String> labels, String code) {
        return code == null ? "Not coded" : labels.getOrDefault(code, code);
    }
}
