package org.opengrievance.export;

import java.util.List;
import java.util.Map;

/**
 * The extension columns of the universes (MA-4, PD-1): whether the 14 days were taken, whether the enrollee was
 * told why (the written extension notice states the reasons: it went out), whether it told of the right to an
 * expedited grievance, and when it went out.
 */
final class Extension {

    private Extension() {
    }

    /** {@code rightColumn} null: the layout has no such column (Part D). */
    static void put(GrievanceFacts f, Map<String, String> cells, String reasonColumn, String rightColumn,
            String dateColumn) {
        GrievanceFacts.Letter notice = f.extensionNotice();
        boolean sent = notice != null && notice.sent();
        cells.put(reasonColumn, Cells.orNone(f.extended(), Cells.yn(sent)));
        if (rightColumn != null) {
            cells.put(rightColumn, Cells.orNone(f.extended(), Cells.yn(sent && rightPrinted(f))));
        }
        cells.put(dateColumn, Cells.orNone(f.extended() && sent, Cells.cmsDate(sent ? notice.sentAt() : null, f.zone())));
    }

    /**
     * The Medicare Advantage extension notice tells of the right to an expedited grievance when the plan extended
     * on its own initiative (letter.LetterRules.expeditedGrievanceRight: 422.564(f), MA-7); Part D has no such
     * right (423.564(f), PD-2), and an extension the enrollee asked for is not one the enrollee can contest.
     */
    private static boolean rightPrinted(GrievanceFacts f) {
        return "MEDICARE_ADVANTAGE".equals(f.regime()) && "PLAN".equals(f.extensionRequestedBy());
    }

    static void rowFaults(String key, Map<String, String> cells, List<Fault> faults, String takenColumn,
            String reasonColumn, String dateColumn, String rightColumn) {
        boolean taken = "Y".equals(cells.get(takenColumn));
        for (String column : rightColumn == null ? List.of(reasonColumn, dateColumn)
                : List.of(reasonColumn, rightColumn, dateColumn)) {
            if (!taken && !Cells.NONE.equals(cells.get(column))) {
                faults.add(new Fault(key, column, "must be None when no extension was taken"));
            }
        }
        if (taken) {
            for (String column : rightColumn == null ? List.of(reasonColumn) : List.of(reasonColumn, rightColumn)) {
                if (Cells.NONE.equals(cells.get(column))) {
                    faults.add(new Fault(key, column, "is None though an extension was taken (Y or N)"));
                }
            }
            boolean told = "Y".equals(cells.get(reasonColumn));
            if (told == Cells.NONE.equals(cells.get(dateColumn))) {
                faults.add(new Fault(key, dateColumn, told ? "is None though the enrollee was notified"
                        : "is a date though the enrollee was not notified"));
            }
        }
    }
}
