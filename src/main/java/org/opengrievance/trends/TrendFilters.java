package org.opengrievance.trends;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.opengrievance.config.FacilityProperties;
import org.opengrievance.config.PlanProperties;
import org.opengrievance.refusal.Refusal;
import org.opengrievance.tasks.Labels;
import org.springframework.stereotype.Component;

/**
 * What the figures may be filtered by: the configured facility and plan and every facility or plan name and
 * department the read model holds; and the default period, the 12 months ending with the current month in the
 * facility's zone. A query outside them is refused (400), never answered with empty figures.
 */
@Component
class TrendFilters {

    /** Ten years of months: more is no trend a chart can show, and bounds the work of one request. */
    static final int MAX_MONTHS = 120;

    private final TrendCases cases;
    private final FacilityProperties facility;
    private final PlanProperties plan;
    private final Clock clock;

    TrendFilters(TrendCases cases, FacilityProperties facility, PlanProperties plan, Clock clock) {
        this.cases = cases;
        this.facility = facility;
        this.plan = plan;
        this.clock = clock;
    }

    TrendFilterOptions options() {
        YearMonth to = currentMonth();
        return new TrendFilterOptions(facilities(), List.copyOf(departments().keySet()), to.minusMonths(11), to);
    }

    YearMonth currentMonth() {
        return YearMonth.from(clock.instant().atZone(facility.zone()));
    }

    /** The configured facility and plan first, then the others the read model holds, by name. */
    List<TrendFilterOptions.FacilityOption> facilities() {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put(facility.name(), TrendCase.HOSPITAL);
        owners.putIfAbsent(plan.name(), TrendCase.PLAN);
        cases.facilities().stream().sorted(Comparator.comparing(TrendCases.Facility::name))
                .forEach(f -> owners.putIfAbsent(f.name(), f.owner()));
        List<TrendFilterOptions.FacilityOption> list = new ArrayList<>();
        owners.forEach((name, owner) -> list.add(new TrendFilterOptions.FacilityOption(name, owner)));
        return list;
    }

    /** The departments by the words the filters list, each with its code in the read model. */
    Map<String, String> departments() {
        Map<String, String> byLabel = new TreeMap<>();
        cases.departments().forEach(code -> byLabel.putIfAbsent(Labels.of(code), code));
        return byLabel;
    }

    /** The owner (HOSPITAL or PLAN) of a listed facility or plan; a name not listed is refused. */
    String ownerOf(String name) {
        return facilities().stream().filter(f -> f.name().equals(name)).map(TrendFilterOptions.FacilityOption::owner)
                .findFirst().orElseThrow(() -> Refusal.badField("facility",
                        "Choose a facility or plan as the filters list them."));
    }

    /** The read model's code of a listed department (by its words, or its code); a department not listed is refused. */
    String departmentCode(String department) {
        Map<String, String> known = departments();
        return Optional.ofNullable(known.get(department))
                .or(() -> known.values().stream().filter(department::equals).findFirst())
                .orElseThrow(() -> Refusal.badField("department", "Choose a department as the filters list them."));
    }

    /** The period with the defaults (to: the current month; from: 11 months before to); refused when from is after to or it spans more than ten years. */
    YearMonth[] period(YearMonth from, YearMonth to) {
        YearMonth last = to != null ? to : currentMonth();
        YearMonth first = from != null ? from : last.minusMonths(11);
        if (first.isAfter(last)) {
            throw Refusal.badField("from", "The first month must not be after the last month.");
        }
        if (first.plusMonths(MAX_MONTHS).isBefore(last.plusMonths(1))) {
            throw Refusal.badField("to", "Choose a period of at most " + MAX_MONTHS + " months.");
        }
        return new YearMonth[] {first, last};
    }
}
