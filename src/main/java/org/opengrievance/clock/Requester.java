package org.opengrievance.clock;

/** Who asked for an extension: the enrollee, or the plan that must justify it (MA-4, MCD-6). */
public enum Requester {
    ENROLLEE, PLAN
}
