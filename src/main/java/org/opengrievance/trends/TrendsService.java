package org.opengrievance.trends;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.opengrievance.config.FacilityProperties;
import org.opengrievance.refusal.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The director's trend figures (issue 14): ten charts over the cases received in a period, from the read model
 * only, filtered by facility or plan and department; and the monthly denominators the rates divide by.
 */
@Service
public class TrendsService {

    /** The charts' ids, in the order {@link #compute} returns them. */
    public static final List<String> CHART_IDS = List.of("byMonth", "nonGrievancesByRoute", "byHcat", "bySeverity",
            "byDepartment", "byChannel", "timeliness", "responseDays", "openByAge", "themes");

    private final TrendCases cases;
    private final TrendFilters filters;
    private final Denominators denominators;
    private final FacilityProperties facility;
    private final Clock clock;

    TrendsService(TrendCases cases, TrendFilters filters, Denominators denominators, FacilityProperties facility,
            Clock clock) {
        this.cases = cases;
        this.filters = filters;
        this.denominators = denominators;
        this.facility = facility;
        this.clock = clock;
    }

    /**
     * The figures for the query; null months are the default period, null filters are all. An unknown facility
     * or department, from after to, or more than 120 months is refused ({@link Refusal}, 400).
     */
    @Transactional(readOnly = true)
    public Trends compute(TrendQuery q) {
        YearMonth[] period = filters.period(q.from(), q.to());
        YearMonth from = period[0];
        YearMonth to = period[1];
        String owner = q.facility() == null ? null : filters.ownerOf(q.facility());
        String department = q.department() == null ? null : filters.departmentCode(q.department());
        Predicate<TrendCase> selected = c -> (q.facility() == null || q.facility().equals(c.facility()))
                && (department == null || department.equals(c.department()));
        List<TrendCase> received = cases.received(from, to).stream().filter(selected).toList();
        List<TrendClock> due = cases.due(from, to).stream().filter(k -> selected.test(k.trendCase()))
                .filter(k -> Classifications.responseOwed(k.trendCase())).toList();
        Map<YearMonth, Long> rates = q.facility() == null ? Map.of() : denominators.inForce(from, to).stream()
                .filter(d -> d.facility().equals(q.facility()))
                .collect(Collectors.toMap(Denominator::month, Denominator::value));
        return new Trends(from, to, q.facility(), q.department(), List.of(
                VolumeCharts.byMonth(from, to, received, q.facility(), owner, rates),
                VolumeCharts.nonGrievancesByRoute(received),
                CodingCharts.byHcat(received),
                CodingCharts.bySeverity(received),
                VolumeCharts.byDepartment(received),
                VolumeCharts.byChannel(received),
                TimeCharts.timeliness(due),
                TimeCharts.responseDays(received),
                TimeCharts.openByAge(received, clock.instant()),
                CodingCharts.themes(received)));
    }

    /** One chart of the figures as CSV (header = the column labels, the same rows); no such chart: NoSuchElementException. */
    public String csv(Trends t, String chartId) {
        return TrendCsv.of(t.chart(chartId));
    }

    @Transactional(readOnly = true)
    public TrendFilterOptions filters() {
        return filters.options();
    }

    /** The denominators in force for the months (null: the default period). */
    @Transactional(readOnly = true)
    public List<Denominator> denominators(YearMonth from, YearMonth to) {
        YearMonth[] period = filters.period(from, to);
        return denominators.inForce(period[0], period[1]);
    }

    /**
     * Enters a month's denominator for a listed facility or plan (patient days, or members), replacing an earlier
     * one in the figures; the earlier entry stays. The month must not be after the current one.
     */
    @Transactional
    public Denominator enterDenominator(YearMonth month, String facilityName, Long value, String enteredBy) {
        if (facilityName == null || facilityName.isBlank()) {
            throw Refusal.badField("facility", "Name the facility or plan as the filters list them.");
        }
        String owner = filters.ownerOf(facilityName);
        if (value == null || value <= 0 || value > 1_000_000_000L) {
            throw Refusal.badField("value", "Enter the month's patient days or members as a positive whole number.");
        }
        if (month.isAfter(filters.currentMonth())) {
            throw Refusal.badField("month", "Enter a month that has begun.");
        }
        Denominator d = new Denominator(month, facilityName, Denominator.kindFor(owner), value, enteredBy,
                OffsetDateTime.ofInstant(clock.instant(), facility.zone()));
        denominators.enter(d);
        return d;
    }
}
