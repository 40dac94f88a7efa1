package org.opengrievance.readiness;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** {@code README.txt}: what the pack holds, for which range and facility, and when and by whom it was produced. */
final class Readme {

    static final String FILE = "README.txt";

    private Readme() {
    }

    record Facts(PackRequest request, ZoneId zone, Instant producedAt, String producedBy, int cases,
            String logBase, int logRows, List<String> logFaults, int lettersSent, int letterChecksFailed,
            int lateClocks) {
    }

    static byte[] text(Facts f) {
        PackRequest r = f.request();
        StringBuilder s = new StringBuilder();
        s.append("Survey-readiness pack\r\n=====================\r\n\r\n");
        s.append("Facility:    ").append(r.facility()).append("\r\n");
        s.append("Range:       ").append(r.from()).append(" to ").append(r.to())
                .append(" (receipt dates, both included, in ").append(f.zone().getId()).append(")\r\n");
        s.append("Produced at: ").append(LateCases.local(f.producedAt(), f.zone())).append("\r\n");
        s.append("Produced by: ").append(f.producedBy()).append("\r\n");
        s.append("Cases received in the range: ").append(f.cases()).append("\r\n\r\n");
        s.append("What the pack holds\r\n-------------------\r\n");
        if (f.logFaults().isEmpty()) {
            s.append(f.logBase()).append(".csv and .xlsx\r\n    The hospital grievance log (CMS-HOSP-3, -8, -10): ")
                    .append(f.logRows()).append(" grievance(s), in the layout of the audit export of that name.\r\n");
        } else {
            s.append(f.logBase()).append("-FAULTS.txt\r\n    The hospital grievance log did not validate, so it is not"
                    + " in the pack; the file names each case and column at fault. Correct them and produce the"
                    + " pack again.\r\n");
        }
        s.append(SentLetters.CHECKS).append("\r\n    Every letter sent for the cases (").append(f.lettersSent())
                .append("): case, kind, language, sent at, channel, whether its bytes still match the SHA-256")
                .append(" recorded at approval, and its required-element check (")
                .append(f.letterChecksFailed()).append(" failed).\r\n");
        s.append(SentLetters.FOLDER).append("*.pdf\r\n    The stored PDFs, byte for byte as approved and sent.\r\n");
        s.append(Pack.POLICY).append("\r\n    The settings in force (follow-up days, abuse review hours, zones, the")
                .append(" State limit, ...) and every decision table and process version deployed before the end")
                .append(" of the range, with its deployment date, who deployed it and which was in force.\r\n");
        s.append(Pack.LATE).append("\r\n    The ").append(f.lateClocks()).append(" clock(s) that missed their")
                .append(" deadline, with the director's breach review: who, when, what was decided.\r\n\r\n");
        s.append("Times are given with their offset, in the zone that governs each (the facility's, or the plan's\r\n")
                .append("for a plan clock). This pack holds protected health information: keep it as the policy on\r\n")
                .append("PHI says; its production is recorded in the PHI access log.\r\n");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
