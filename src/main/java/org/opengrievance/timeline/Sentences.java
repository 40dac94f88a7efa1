package org.opengrievance.timeline;

import java.util.Map;

/** One readable sentence per timeline event, from its kind, actor and details (the details carry the facts). */
final class Sentences {

    private Sentences() {
    }

    static String of(Step s) {
        Map<String, Object> d = s.details();
        String who = s.actor() == null ? null : s.actor();
        String task = str(d, "taskName");
        String regime = str(d, "regime");
        return switch (s.kind()) {
            case "RECEIVED" -> "The complaint was received " + channel(str(d, "channel")) + ".";
            case "INTAKE" -> (who == null ? "The complaint received " + channel(str(d, "channel")) + " was logged"
                    : who + " logged the complaint received " + channel(str(d, "channel"))) + " under "
                    + list(d.get("regimes")) + ".";
            case "CLASSIFICATION_SUGGESTED" -> "The classification rules suggested " + str(d, "classification")
                    + rule(str(d, "rule")) + ": " + ended(str(d, "reason"));
            case "CLASSIFICATION_CONFIRMED" -> subject(who) + " confirmed the classification "
                    + str(d, "classification") + ".";
            case "CLASSIFICATION_OVERRIDDEN" -> subject(who) + " changed the classification to "
                    + str(d, "classification") + ": " + ended(str(d, "reason"));
            case "TASK_ASSIGNED" -> Boolean.TRUE.equals(d.get("byModel"))
                    ? "The task " + task + " was assigned to " + str(d, "assignee") + " by the process model."
                    : subject(who) + " assigned the task " + task + " to " + str(d, "assignee") + ".";
            case "TASK_CLAIMED" -> subject(who) + " claimed the task " + task + ".";
            case "TASK_UNCLAIMED" -> subject(who) + " handed back the task " + task + ".";
            case "TASK_COMPLETED" -> subject(who) + " completed the task " + task + ".";
            case "DEPARTMENT_ASSIGNED" -> "The routing rules assigned the investigation to the department "
                    + str(d, "department") + ".";
            case "FINDINGS_RECORDED" -> subject(who) + " recorded the investigation's findings.";
            case "CODED" -> subject(who) + " coded the issue: HCAT " + str(d, "hcatCategory") + ", severity "
                    + str(d, "hcatSeverity") + ", harm level " + str(d, "harmLevel") + ".";
            case "RESPONSE_DRAFTED" -> subject(who) + " drafted the written response"
                    + (d.get("responseChannel") == null ? "" : ", to be sent by " + str(d, "responseChannel")) + ".";
            case "RESPONSE_APPROVED" -> subject(who) + " approved the written response.";
            case "RESPONSE_RETURNED" -> subject(who) + " sent the written response back for changes.";
            case "ESCALATED" -> "The " + regime + " deadline is near: the director was asked to review the case.";
            case "WITHDRAWN" -> subject(who) + " recorded that the patient withdrew the grievance.";
            case "CLOSED" -> subject(who) + " closed the case (" + str(d, "reason") + ").";
            case "LINKED_TO" -> subject(who) + " " + linked(str(d, "link")) + ": the new case " + str(d, "case")
                    + " is a " + str(d, "classification") + ".";
            case "LINKED_FROM" -> "This " + str(d, "classification") + " case was opened by " + subject(who)
                    + " from " + str(d, "case") + " (" + str(d, "link") + "); its clocks count from that case's"
                    + " first receipt" + (Boolean.TRUE.equals(d.get("atRisk"))
                    ? ", and less than their full length remained: at risk (E2)." : ".");
            case "CONFIRMED_NEW" -> subject(who) + " confirmed the complaint is a new case, not one of the open cases"
                    + " listed as possible duplicates (" + list(d.get("candidates")) + ").";
            case "ATTACHED_TO_CASE" -> subject(who) + " attached the complaint to the open case " + str(d, "openCase")
                    + " as its issue " + str(d, "issueLine") + ".";
            case "CONTACT_ATTACHED" -> subject(who) + " attached a new contact of the patient (" + str(d, "contact")
                    + ") to this case as issue " + str(d, "issueLine") + ".";
            case "CLOCK_OPENED" -> "The " + regime + " clock opened"
                    + (d.get("dueAt") == null ? "" : ": the response is due " + str(d, "dueAt")) + ".";
            case "CLOCK_TIMERS_SET" -> "The " + regime + " clock's timers were set for the deadline "
                    + str(d, "dueAt") + ".";
            case "CLOCK_REMINDER" -> "The " + regime + " reminder fired: the case's open tasks moved up in priority.";
            case "CLOCK_EXTENDED" -> subject(who) + " extended the " + regime + " clock"
                    + (d.get("days") == null ? ": " + str(d, "detail")
                    : " by " + d.get("days") + " days at the request of the " + str(d, "requestedBy") + " ("
                    + str(d, "reason") + "); it is now due " + str(d, "dueAt")) + ".";
            case "CLOCK_EXPEDITED" -> subject(who) + " expedited the " + regime + " clock (" + str(d, "trigger") + ")"
                    + (d.get("dueAt") == null ? "" : "; it is now due " + str(d, "dueAt")) + ".";
            case "CLOCK_INTERIM_SENT" -> "The " + regime + " interim notice went out: its follow-up date "
                    + str(d, "followUpDueAt") + " now binds.";
            case "CLOCK_BREACHED" -> "The " + regime + " deadline " + str(d, "lateAt")
                    + " passed without the written response: the case is late.";
            case "CLOCK_STOPPED" -> "The " + regime + " clock stopped.";
            case "LETTER_APPROVED" -> subject(who) + " approved the " + str(d, "letterKind") + " letter ("
                    + str(d, "language") + ", template " + str(d, "templateVersion") + ").";
            case "LETTER_SENT" -> "The " + str(d, "letterKind") + " letter was sent by " + str(d, "channel")
                    + (who == null ? "" : " (recorded by " + who + ")") + ".";
            case "ACKNOWLEDGED" -> "The patient was acknowledged " + ("ORAL".equals(d.get("mode"))
                    ? "orally (" + str(d, "channel") + ")" : "in writing (" + str(d, "channel") + ")")
                    + (who == null ? "" : ", recorded by " + who) + ".";
            case "ORAL_NOTIFICATION" -> subject(who) + " told the patient orally of the " + str(d, "notice") + ".";
            case "READ" -> subject(who) + " read the case's " + str(d, "action") + " (surface "
                    + str(d, "surface") + ").";
            default -> s.kind() + (regime == null ? "" : " (" + regime + ")") + ".";
        };
    }

    private static String linked(String kind) {
        return switch (kind) {
            case "CONVERTED" -> "converted the case into a grievance";
            case "RECLASSIFIED" -> "reclassified the case";
            case "SPLIT" -> "split a part of the case off";
            default -> "opened a case from this one";
        };
    }

    private static String channel(String channel) {
        if (channel == null) {
            return "";
        }
        return switch (channel) {
            case "PHONE" -> "by phone";
            case "IN_PERSON" -> "in person";
            case "LETTER" -> "by letter";
            case "EMAIL" -> "by email";
            case "FAX" -> "by fax";
            case "PORTAL" -> "through the portal";
            default -> "by " + channel;
        };
    }

    private static String list(Object values) {
        return values instanceof java.util.Collection<?> c
                ? String.join(", ", c.stream().map(String::valueOf).toList()) : String.valueOf(values);
    }

    /** A reason as written, ending as a sentence does. */
    private static String ended(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    private static String subject(String who) {
        return who == null ? "The engine" : who;
    }

    private static String rule(String rule) {
        return rule == null ? "" : " (" + rule + ")";
    }

    private static String str(Map<String, Object> d, String key) {
        Object v = d.get(key);
        return v == null ? "-" : v.toString();
    }
}
