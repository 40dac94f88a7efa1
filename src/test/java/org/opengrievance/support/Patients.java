package org.opengrievance.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fictional patients, one per call: "Pat Testpatient" with a suffix of letters. The tests share one database, so a
 * case logged for the same patient with a similar complaint while another test's case is still open would be a
 * possible duplicate (E7) and wait at intake's duplicate check; a patient of its own keeps a case out of that check
 * unless the test is about it.
 */
public final class Patients {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private Patients() {
    }

    /** A member id of its own: two contacts with the same member id are the same patient. */
    public static String memberId() {
        return "M-T" + NEXT.getAndIncrement();
    }

    public static String unique() {
        int n = NEXT.getAndIncrement();
        return "Pat Testpatient " + (char) ('A' + n / 676 % 26) + (char) ('a' + n / 26 % 26) + (char) ('a' + n % 26);
    }
}
