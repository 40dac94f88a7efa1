package org.opengrievance.export;

import java.util.List;
import java.util.Map;

/**
 * The notification columns of the universes: the oral and the written notification of the resolution, each in
 * its own columns (notification_event keeps them as separate events), "None" where there was none.
 */
final class Notifications {

    private Notifications() {
    }

    static void put(GrievanceFacts f, Map<String, String> cells, String oralDate, String oralTime, String writtenDate,
            String writtenTime) {
        boolean oral = f.oralResolutionAt() != null;
        cells.put(oralDate, Cells.orNone(oral, Cells.cmsDate(f.oralResolutionAt(), f.zone())));
        cells.put(oralTime, Cells.orNone(oral, Cells.cmsTime(f.oralResolutionAt(), f.zone())));
        boolean written = f.writtenResponseAt() != null;
        cells.put(writtenDate, Cells.orNone(written, Cells.cmsDate(f.writtenResponseAt(), f.zone())));
        cells.put(writtenTime, Cells.orNone(written, Cells.cmsTime(f.writtenResponseAt(), f.zone())));
    }

    static void rowFaults(String key, Map<String, String> cells, List<Fault> faults, String oralDate, String oralTime,
            String writtenDate, String writtenTime) {
        pair(key, cells, faults, oralDate, oralTime);
        pair(key, cells, faults, writtenDate, writtenTime);
        if (Cells.NONE.equals(cells.get(oralDate)) && Cells.NONE.equals(cells.get(writtenDate))) {
            faults.add(new Fault(key, writtenDate,
                    "is None and there was no oral notification either: the enrollee was never told the resolution"));
        }
    }

    private static void pair(String key, Map<String, String> cells, List<Fault> faults, String date, String time) {
        if (Cells.NONE.equals(cells.get(date)) != Cells.NONE.equals(cells.get(time))) {
            faults.add(new Fault(key, time, "must be None exactly when its date is None"));
        }
    }
}
