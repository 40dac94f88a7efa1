package org.opengrievance.trends;

import java.time.YearMonth;
import java.util.List;
import java.util.NoSuchElementException;

/** The trend figures of one query: the period and filters they were computed for, and the charts in fixed order. */
public record Trends(YearMonth from, YearMonth to, String facility, String department, List<Chart> charts) {

    public Trends {
        charts = List.copyOf(charts);
    }

    /** The chart with that id; {@link NoSuchElementException} when there is none. */
    public Chart chart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no chart " + id));
    }
}
