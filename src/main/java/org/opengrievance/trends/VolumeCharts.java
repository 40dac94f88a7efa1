package org.opengrievance.trends;

import static org.opengrievance.trends.ChartColumn.number;
import static org.opengrievance.trends.ChartColumn.text;
import static org.opengrievance.trends.Rows.row;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.opengrievance.tasks.Labels;

/** How many: by month (with the rate), non-grievances by route, grievances by department and by channel. */
final class VolumeCharts {

    private VolumeCharts() {
    }

    /**
     * Every month of the period, also those without cases. The rate needs one denominator: the selected facility's
     * (or the plan's) for the month; without a facility filter the cases mix facilities and kinds, so no rate.
     */
    static Chart byMonth(YearMonth from, YearMonth to, List<TrendCase> cases, String facility, String owner,
            Map<YearMonth, Long> denominators) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            YearMonth month = m;
            List<TrendCase> of = cases.stream().filter(c -> c.month().equals(month)).toList();
            long grievances = of.stream().filter(Classifications::grievance).count();
            Long denominator = facility == null ? null : denominators.get(month);
            BigDecimal rate = denominator == null ? null : BigDecimal.valueOf(grievances * 1000L)
                    .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
            rows.add(row("month", month.toString(), "grievances", grievances,
                    "complaints", of.stream().filter(c -> Classifications.COMPLAINT.equals(c.classification())).count(),
                    "nonGrievances", of.stream().filter(Classifications::notAGrievance).count(),
                    "denominatorKind", facility == null ? null : Denominator.kindFor(owner),
                    "denominator", denominator, "ratePer1000", rate));
        }
        return new Chart("byMonth", "Grievances by month", "bar", List.of(text("month", "Month"),
                number("grievances", "Grievances"), number("complaints", "Complaints"),
                number("nonGrievances", "Not grievances"), text("denominatorKind", "Denominator kind"),
                number("denominator", "Denominator"), number("ratePer1000", "Grievances per 1,000")), rows);
    }

    /** Non-grievances by where they went: the hospital's route, or the plan's inquiry or appeals hand-off. */
    static Chart nonGrievancesByRoute(List<TrendCase> cases) {
        return counted("nonGrievancesByRoute", "Not grievances by route", "route", "Route",
                cases.stream().filter(Classifications::notAGrievance).toList(), c -> {
                    String route = Classifications.NOT_A_GRIEVANCE.equals(c.classification()) ? c.route() : c.classification();
                    return route == null ? "Not recorded" : Labels.of(route);
                });
    }

    static Chart byDepartment(List<TrendCase> cases) {
        return counted("byDepartment", "Grievances by department", "department", "Department",
                cases.stream().filter(Classifications::grievance).toList(), VolumeCharts::department);
    }

    static Chart byChannel(List<TrendCase> cases) {
        return counted("byChannel", "Grievances by channel", "channel", "Channel",
                cases.stream().filter(Classifications::grievance).toList(), c -> Labels.of(c.channel()));
    }

    static String department(TrendCase c) {
        return c.department() == null ? "Not routed" : Labels.of(c.department());
    }

    /** One row per value of the key, most first (ties by name). */
    static Chart counted(String id, String title, String key, String label, List<TrendCase> cases,
            Function<TrendCase, String> by) {
        Map<String, Long> counts = cases.stream().collect(Collectors.groupingBy(by, TreeMap::new, Collectors.counting()));
        List<Map<String, Object>> rows = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> row(key, e.getKey(), "count", e.getValue())).toList();
        return new Chart(id, title, "bar", List.of(text(key, label), number("count", "Count")), rows);
    }
}
