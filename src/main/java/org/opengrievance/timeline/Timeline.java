package org.opengrievance.timeline;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/grievances/{caseNumber}/timeline}: the regulatory facts of a case (the header, from the read
 * model) and every step in order of instant, each in its governing zone and in UTC, with who did it. Instants
 * are ISO-8601 strings: with the zone's offset ({@code at}) and in UTC ({@code atUtc}).
 */
public record Timeline(String caseNumber, String zone, TimelineHeader header, List<TimelineEvent> events) {

    public record TimelineHeader(String receivedAt, String receivedAtUtc, String channel, List<String> regimes,
            String classification, String status, String responseDueAt, String closedAt, boolean late,
            boolean expedited, boolean extended, String department, String hcatCategory, FiledBy filedBy) {
    }

    /**
     * Who filed (E8): {@code requester} {@code E} the patient or enrollee, {@code ER} a representative (the CMS
     * universes' codes); for a representative their relationship to the patient and whether documentation of
     * their authority is on file ({@code ON_FILE}, {@code REQUESTED}, {@code NOT_REQUIRED}). No name: the letters
     * carry it.
     */
    public record FiledBy(String requester, String relationship, String authority) {
    }

    /**
     * @param zone    the zone that governs the instant: the clock's for clock events, else the facility's
     * @param actor   the signed-in user, {@code decision:<id>} for a decision table, {@code system:...} for the
     *                engine's own delivery, null for the engine working on its own (timers)
     * @param details the facts of the event (codes, ids, instants); never the patient's data
     */
    public record TimelineEvent(String at, String atUtc, String zone, String kind, String actor, String summary,
            Map<String, Object> details) {
    }
}
