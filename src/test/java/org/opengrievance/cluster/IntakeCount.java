package org.opengrievance.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.opengrievance.cluster.Intakes.Complaint;
import org.opengrievance.cluster.Intakes.Outcome;

/** The answers of a burst held against the case rows the database has for the same complaints. */
final class IntakeCount {

    int sent;
    int created;
    int replayed;
    /** answers other than 201/200, and lost answers */
    final List<String> unexpected = new ArrayList<>();
    /** case rows for the scenario's complaints */
    int found;
    /** case rows beyond the first for one complaint */
    int duplicates;
    /** answers naming a case number the database does not hold for that complaint */
    int disagreeing;
    private Map<String, List<String>> inDb;

    static IntakeCount of(List<Outcome> outcomes, Map<String, List<String>> inDb, List<Complaint> complaints) {
        IntakeCount n = new IntakeCount();
        n.inDb = inDb;
        n.sent = outcomes.size();
        for (Outcome o : outcomes) {
            if (o.created()) {
                n.created++;
            } else if (o.replayed()) {
                n.replayed++;
            } else {
                n.unexpected.add(o.node() + ": " + (o.lost() != null ? "lost, " + o.lost() : o.answer().toString()));
            }
            if (o.answered()) {
                List<String> rows = inDb.getOrDefault(o.complaint().text(), List.of());
                if (rows.size() != 1 || !rows.get(0).equals(o.caseNumber())) {
                    n.disagreeing++;
                }
            }
        }
        for (Complaint c : complaints) {
            int rows = inDb.getOrDefault(c.text(), List.of()).size();
            n.found += rows;
            n.duplicates += Math.max(0, rows - 1);
        }
        return n;
    }

    /** case number -> the receipt's days back, for the complaints that have a case row. */
    Map<String, Integer> daysBackByCase(List<Complaint> complaints) {
        Map<String, Integer> out = new HashMap<>();
        for (Complaint c : complaints) {
            for (String caseNumber : inDb.getOrDefault(c.text(), List.of())) {
                out.put(caseNumber, c.daysBack());
            }
        }
        return out;
    }

    String line() {
        return "requests " + sent + " / created 201 " + created + " / replayed 200 " + replayed + " / other "
                + unexpected.size() + " / cases found " + found + " / duplicates " + duplicates
                + " / answers disagreeing with the database " + disagreeing;
    }
}
