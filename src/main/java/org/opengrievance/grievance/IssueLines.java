package org.opengrievance.grievance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The issues a patient raised, each with its answer: process variables {@code issue1..issue5} (set by the
 * investigator on gather-findings) and {@code answer1..answer5} (draft-response). Every issue must be
 * answered in the resolution letter (CMS-HOSP-8). Numbered fields rather than a Camunda Forms dynamic
 * list: in Tasklist 7.24 a dynamic list keeps the Complete button disabled (docs/architecture.md).
 */
public final class IssueLines {

    public static final int MAX = 5;

    public record Line(String issue, String answer) {
    }

    private IssueLines() {
    }

    /** The first issue of a new case: the complaint itself, which the investigator may reword or split. */
    public static String initial(String complaintText) {
        return complaintText.length() > 1000 ? complaintText.substring(0, 1000) : complaintText;
    }

    /** The issue lines recorded so far, in order; an issue field left empty ends nothing, it is skipped. */
    public static List<Line> from(Map<String, Object> vars) {
        List<Line> lines = new ArrayList<>();
        for (int n = 1; n <= MAX; n++) {
            String issue = text(vars.get("issue" + n));
            String answer = text(vars.get("answer" + n));
            if (issue != null || answer != null) {
                lines.add(new Line(issue, answer));
            }
        }
        return lines;
    }

    private static String text(Object o) {
        return o == null || o.toString().isBlank() ? null : o.toString();
    }
}
