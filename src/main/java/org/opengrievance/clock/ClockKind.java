package org.opengrievance.clock;

/** Standard grievances run on calendar days; expedited ones on hours (MA-7, PD-2). */
public enum ClockKind {
    STANDARD, EXPEDITED
}
