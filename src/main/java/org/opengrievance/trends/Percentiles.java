package org.opengrievance.trends;

import java.util.List;

/**
 * Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank ceil(p/100 * n)
 * (1-based). No interpolation, so every figure is a value that occurred; the median is the 50th percentile,
 * the lower middle value when n is even.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0 < p <= 100) of values sorted ascending; null for no values. */
    static Double nearestRank(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
