package org.opengrievance.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Demo mode's clock: the system's, except while {@link DemoHistory} writes the past months. Then the application
 * and the engine (ClockUtil) both stand at the instant the history has reached, so every record of a past case
 * (receipt, events, clocks, task history) carries the time it would have had, and no rule about "now" (a
 * receipt not in the future, a mailing not before its approval) is bent. Demo only (DemoClockConfig).
 */
final class DemoClock extends Clock {

    private volatile Instant fixed;

    /** From now on, "now" is this instant, for the application and the engine alike. */
    void travelTo(Instant instant) {
        fixed = instant;
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** Back to the system's time. */
    void home() {
        fixed = null;
        ClockUtil.reset();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant at = fixed;
        return at == null ? Clock.system(zone) : Clock.fixed(at, zone);
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at == null ? Instant.now() : at;
    }
}
