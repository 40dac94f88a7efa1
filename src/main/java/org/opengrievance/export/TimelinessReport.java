package org.opengrievance.export;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Component;

/**
 * Timeliness per regime and month of receipt (CMS-HOSP-3's QAPI figures; MA-8's disposition dates): how many
 * grievances came in, were withdrawn, got their written response, on time or late, were extended, and how many
 * days the written response took (median and 90th percentile, nearest rank).
 */
@Component
class TimelinessReport implements Layout {

    static final String REGIME = "Regime";
    static final String MONTH = "Month received";
    static final String RECEIVED = "Received";
    static final String WITHDRAWN = "Withdrawn";
    static final String RESPONDED = "Written responses";
    static final String ON_TIME = "Resolved on time";
    static final String LATE = "Late";
    static final String EXTENDED = "Extended";
    static final String MEDIAN = "Median days to written response";
    static final String P90 = "90th percentile days to written response";

    private static final List<Column> COLUMNS = List.of(
            Column.required(REGIME, Check.oneOf(Set.copyOf(Arrays.stream(Regime.values()).map(Enum::name).toList()))),
            Column.required(MONTH, Check.month()),
            Column.count(RECEIVED),
            Column.count(WITHDRAWN),
            Column.count(RESPONDED),
            Column.count(ON_TIME),
            Column.count(LATE),
            Column.count(EXTENDED),
            Column.daysOrNone(MEDIAN),
            Column.daysOrNone(P90));

    @Override
    public ExportName name() {
        return ExportName.TIMELINESS;
    }

    @Override
    public String sheetName() {
        return "Timeliness";
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    /** Grievances a person confirmed, grouped by regime (in the enum's order) and month of receipt. */
    @Override
    public List<ExportTable.Row> rows(List<GrievanceFacts> facts) {
        Map<Regime, TreeMap<YearMonth, List<GrievanceFacts>>> groups = new LinkedHashMap<>();
        for (Regime regime : Regime.values()) {
            groups.put(regime, new TreeMap<>());
        }
        for (GrievanceFacts f : facts) {
            if (f.classificationDecision() != null) {
                groups.get(Regime.valueOf(f.regime())).computeIfAbsent(YearMonth.from(f.receiptDate()),
                        m -> new ArrayList<>()).add(f);
            }
        }
        List<ExportTable.Row> rows = new ArrayList<>();
        groups.forEach((regime, months) -> months.forEach((month, group) -> rows.add(row(regime, month, group))));
        return rows;
    }

    private ExportTable.Row row(Regime regime, YearMonth month, List<GrievanceFacts> group) {
        List<Long> days = group.stream().map(GrievanceFacts::daysToWrittenResponse)
                .filter(java.util.Objects::nonNull).sorted(Comparator.naturalOrder()).toList();
        Map<String, String> c = new LinkedHashMap<>();
        c.put(REGIME, regime.name());
        c.put(MONTH, month.toString());
        c.put(RECEIVED, String.valueOf(group.size()));
        c.put(WITHDRAWN, String.valueOf(group.stream().filter(GrievanceFacts::withdrawn).count()));
        c.put(RESPONDED, String.valueOf(days.size()));
        c.put(ON_TIME, String.valueOf(group.stream().filter(GrievanceFacts::respondedOnTime).count()));
        c.put(LATE, String.valueOf(group.stream().filter(GrievanceFacts::late).count()));
        c.put(EXTENDED, String.valueOf(group.stream().filter(GrievanceFacts::extended).count()));
        c.put(MEDIAN, nearestRank(days, 50));
        c.put(P90, nearestRank(days, 90));
        return row(regime.name() + " " + month, c);
    }

    /**
     * The nearest-rank percentile: the value at rank ceil(p/100 × n) of the n values in ascending order (an
     * observed value, never an interpolation); "None" when there are none.
     */
    static String nearestRank(List<Long> ascending, int percentile) {
        if (ascending.isEmpty()) {
            return Cells.NONE;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * ascending.size());
        return String.valueOf(ascending.get(Math.max(rank, 1) - 1));
    }

    @Override
    public void rowFaults(String key, Map<String, String> cells, List<Fault> faults) {
        long received = number(cells.get(RECEIVED));
        for (String column : List.of(WITHDRAWN, RESPONDED, LATE, EXTENDED)) {
            if (number(cells.get(column)) > received) {
                faults.add(new Fault(key, column, "is more than the grievances received"));
            }
        }
        if (number(cells.get(ON_TIME)) > number(cells.get(RESPONDED))) {
            faults.add(new Fault(key, ON_TIME, "is more than the written responses"));
        }
        boolean none = number(cells.get(RESPONDED)) == 0;
        for (String column : List.of(MEDIAN, P90)) {
            if (none != Cells.NONE.equals(cells.get(column))) {
                faults.add(new Fault(key, column, none ? "must be None without written responses" : "is None though there are written responses"));
            }
        }
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException | NullPointerException e) {
            return 0;
        }
    }
}
