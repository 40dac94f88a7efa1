package org.opengrievance.export;

/**
 * One column of an export: its header, whether every row must fill it, whether "None" stands for "does not
 * apply" in it (CMS universes: "None", never "NA" or an empty cell), and the format of a value.
 */
record Column(String header, boolean mandatory, boolean noneAllowed, boolean number, Check check) {

    static Column required(String header, Check check) {
        return new Column(header, true, false, false, check);
    }

    /** Mandatory, and "None" where the fact does not apply (no oral notification, no extension...). */
    static Column requiredOrNone(String header, Check check) {
        return new Column(header, true, true, false, check);
    }

    static Column optional(String header, Check check) {
        return new Column(header, false, false, false, check);
    }

    /** A whole number (a number cell in XLSX). */
    static Column count(String header) {
        return new Column(header, true, false, true, Check.count());
    }

    /** A whole number of days, or "None" where there is none to count. */
    static Column daysOrNone(String header) {
        return new Column(header, true, true, true, Check.count());
    }
}
