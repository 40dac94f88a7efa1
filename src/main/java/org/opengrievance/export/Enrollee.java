package org.opengrievance.export;

/**
 * The enrollee columns of the universes, from the case record: the name split in two, the member ID as CMS
 * wants an MBI (upper case, without the hyphens or spaces cards print).
 */
final class Enrollee {

    /**
     * The Medicare Beneficiary Identifier's format: 11 characters, digit 1-9 first; positions 2, 5, 8, 9 a
     * letter, 3 and 6 a letter or digit, 4, 7, 10, 11 a digit; no S, L, O, I, B or Z.
     */
    static final String MBI = "[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]"
            + "[AC-HJKMNP-RT-Y]{2}[0-9]{2}";
    static final int NAME_MAX = 50;

    private Enrollee() {
    }

    /**
     * The case keeps one name field: its last word is the last name, the words before it the first name. A
     * single word leaves the first name empty, and the universe names the case (it cannot guess).
     */
    static String firstName(String patientName) {
        String name = normalized(patientName);
        int space = name.lastIndexOf(' ');
        return space < 0 ? null : name.substring(0, space);
    }

    static String lastName(String patientName) {
        String name = normalized(patientName);
        int space = name.lastIndexOf(' ');
        return name.isEmpty() ? null : name.substring(space + 1);
    }

    /** The member ID without hyphens and spaces, in upper case; null when none is on file. */
    static String mbi(String memberId) {
        if (memberId == null || memberId.isBlank()) {
            return null;
        }
        return memberId.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    private static String normalized(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ");
    }
}
