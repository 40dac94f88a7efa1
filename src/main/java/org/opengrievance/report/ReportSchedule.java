package org.opengrievance.report;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.opengrievance.config.FacilityProperties;
import org.springframework.stereotype.Component;

/**
 * When the monthly report runs: at 00:00 in the facility's zone on the first business day of each month
 * (Monday to Friday; New Year's Day is skipped, no other public holiday is known to the engine).
 *
 * <p>The model's timer asks {@link #cycle()} (with {@code reevaluateTimeCycleWhenDue}, again each time it fires).
 * The engine reads a cron expression in the JVM's zone, whatever the facility's is; so the cycle names the one
 * next instant, converted to the JVM's zone (second, minute, hour, day, month: the engine's cron has no year,
 * and the next match after the engine's now is that instant, never a year later, since it lies ahead of now
 * and within five weeks).
 */
@Component("reportSchedule")
public class ReportSchedule {

    private static final MonthDay NEW_YEARS_DAY = MonthDay.of(1, 1);

    private final Clock clock;
    private final ZoneId zone;

    ReportSchedule(Clock clock, FacilityProperties facility) {
        this.clock = clock;
        this.zone = facility.zone();
    }

    /** The timer's cycle: a cron expression, in the JVM's zone, for {@link #next(Instant)} of now. */
    public String cycle() {
        // the engine resolves the cron against its own clock: never name an instant it already passed
        Instant engineNow = ClockUtil.getCurrentTime().toInstant();
        Instant now = clock.instant().isAfter(engineNow) ? clock.instant() : engineNow;
        return cron(next(now), ZoneId.systemDefault());
    }

    /** The first run strictly after {@code now}: the facility's midnight of a month's first business day. */
    public Instant next(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(zone));
        while (true) {
            Instant run = firstBusinessDay(month).atStartOfDay(zone).toInstant();
            if (run.isAfter(now)) {
                return run;
            }
            month = month.plusMonths(1);
        }
    }

    /** Monday to Friday, not New Year's Day. */
    public static LocalDate firstBusinessDay(YearMonth month) {
        LocalDate day = month.atDay(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                || MonthDay.from(day).equals(NEW_YEARS_DAY)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Seconds, minutes, hours, day, month, any weekday: this instant, as a clock in {@code jvm} reads it. */
    static String cron(Instant at, ZoneId jvm) {
        ZonedDateTime t = at.atZone(jvm);
        return t.getSecond() + " " + t.getMinute() + " " + t.getHour() + " " + t.getDayOfMonth() + " "
                + t.getMonthValue() + " ?";
    }
}
