package org.opengrievance.cluster;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Complaints as a connected system sends them ({@code POST /api/grievances} with an Idempotency-Key), and
 * what came back. A complaint keeps its key and its exact body, so a retry is the same request again.
 */
final class Intakes {

    private Intakes() {
    }

    /** {@code daysBack}: the receipt date is that many calendar days before today in the facility's zone. */
    record Complaint(int index, int daysBack, String key, String text, String body) {
    }

    /** One request's fate: an answer (status, case number when 200/201) or a lost answer (the connection broke). */
    record Outcome(Complaint complaint, String node, int status, String caseNumber, Http.Answer answer, String lost) {
        boolean created() {
            return status == 201;
        }

        boolean replayed() {
            return status == 200;
        }

        boolean answered() {
            return created() || replayed();
        }
    }

    static Complaint complaint(String tag, int index, int daysBack, ZoneId facilityZone) {
        // explicit offset: the receipt instant does not depend on the zone of this JVM or of the nodes
        String receivedAt = ZonedDateTime.now(facilityZone).minusDays(daysBack).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String text = prefix(tag) + index + ": the call light went unanswered for an hour.";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "EMAIL"); // written: a grievance by the classification table (CMS-HOSP-2(c))
        body.put("receivedAt", receivedAt);
        body.put("patientName", "Cluster Patient " + tag + " " + index);
        body.put("complaintText", text);
        body.put("serviceArea", "NURSING");
        body.put("responseRequested", true);
        body.put("preferredLanguage", "en");
        body.put("patientEmail", "patient-" + tag + "-" + index + "@example.org");
        return new Complaint(index, daysBack, UUID.randomUUID().toString(), text, Http.write(body));
    }

    /** The complaint texts of a scenario start with this, so its cases can be counted in the shared database. */
    static String prefix(String tag) {
        return "Cluster scenario " + tag + " complaint ";
    }

    static Outcome send(Http http, Node node, Http.User user, Complaint c) {
        try {
            Http.Answer a = http.post(node.base() + "/api/grievances", user, c.body(), Map.of("Idempotency-Key", c.key()));
            String caseNumber = a.status() == 200 || a.status() == 201 ? a.json().path("caseNumber").asText(null) : null;
            return new Outcome(c, node.name, a.status(), caseNumber, a, null);
        } catch (IOException e) {
            return new Outcome(c, node.name, 0, null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
