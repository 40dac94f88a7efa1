package org.opengrievance.readiness;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

/**
 * {@code late-cases.csv}: every clock of the pack's cases that missed its deadline, with its breach review
 * ("Deadline missed: director review"): who reviewed it, when, and what was decided. A clock without a
 * completed review says so: a surveyor asks why.
 */
@Component
class LateCases {

    static final List<String> HEADERS = List.of("Case number", "Regime", "Clock owner", "Zone", "Received",
            "Response due", "Late since", "Clock stopped", "Case status", "Breach review", "Reviewed by",
            "Reviewed at", "Decision");
    static final String REVIEWED = "REVIEWED";
    static final String NOT_REVIEWED = "NOT REVIEWED";

    private final PackCases cases;
    private final ReviewNotes notes;
    private final ObjectMapper json;

    LateCases(PackCases cases, ReviewNotes notes, ObjectMapper json) {
        this.cases = cases;
        this.notes = notes;
        this.json = json;
    }

    record Table(byte[] csv, int rows, List<String> caseNumbers) {
    }

    Table table(List<PackCases.LateClock> late) {
        List<String> numbers = late.stream().map(PackCases.LateClock::caseNumber).distinct().toList();
        List<Reviewed> reviews = new ArrayList<>();
        for (PackCases.Review r : cases.reviews(numbers)) {
            ReviewNotes.Note note = notes.of(taskId(r.detail()));
            reviews.add(new Reviewed(r, note));
        }
        Csv csv = new Csv(HEADERS);
        for (PackCases.LateClock c : late) {
            Reviewed review = reviews.stream().filter(r -> r.review().caseNumber().equals(c.caseNumber())
                    && (r.note().regime() == null || r.note().regime().equals(c.regime()))).findFirst().orElse(null);
            if (review != null) {
                reviews.remove(review);
            }
            csv.row(List.of(c.caseNumber(), c.regime(), c.owner(), c.zone().getId(), local(c.receivedAt(), c.zone()),
                    local(c.dueAt(), c.zone()), local(c.lateAt(), c.zone()), local(c.stoppedAt(), c.zone()), c.status(),
                    review == null ? NOT_REVIEWED : REVIEWED,
                    review == null ? "" : nullToEmpty(review.review().actor()),
                    review == null ? "" : local(review.review().at(), c.zone()),
                    review == null ? "" : review.note().decision() == null
                            ? "(the engine's history no longer holds the note)" : review.note().decision()));
        }
        return new Table(csv.bytes(), late.size(), numbers);
    }

    private record Reviewed(PackCases.Review review, ReviewNotes.Note note) {
    }

    private String taskId(String detail) {
        if (detail == null) {
            return null;
        }
        try {
            JsonNode id = json.readTree(detail).path("taskId");
            return id.isTextual() ? id.asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** A local date-time with its offset, in the clock's zone (the zone that governs it). */
    static String local(Instant at, ZoneId zone) {
        return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(zone).toOffsetDateTime());
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
