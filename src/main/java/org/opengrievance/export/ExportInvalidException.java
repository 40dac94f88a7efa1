package org.opengrievance.export;

import java.util.List;

/** The export did not validate against its layout: it is refused (422) with every fault instead of served. */
class ExportInvalidException extends RuntimeException {

    private final List<Fault> faults;
    private final int total;

    ExportInvalidException(List<Fault> faults, int total) {
        super("the export did not validate");
        this.faults = List.copyOf(faults);
        this.total = total;
    }

    /** The faults named in the answer (at most {@link ExportValidator#MAX_FAULTS}). */
    List<Fault> faults() {
        return faults;
    }

    /** How many faults there were in all. */
    int total() {
        return total;
    }
}
