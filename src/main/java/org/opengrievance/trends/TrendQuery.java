package org.opengrievance.trends;

import java.time.YearMonth;

/**
 * What the director asks the trend figures for: the receipt months {@code from}..{@code to} (inclusive) and,
 * optionally, one facility or plan name and one department as the filters endpoint lists them (null = all).
 */
public record TrendQuery(YearMonth from, YearMonth to, String facility, String department) {
}
