package org.opengrievance.relink;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.clock.ClockState;
import org.opengrievance.config.TimeBounds;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.refusal.Refusal;
import org.opengrievance.security.EngineAsSystem;
import org.opengrievance.text.PrintableText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every way a case gives rise to a linked case, always counting from the contact's first receipt: a later
 * conversion into a grievance (E2(b)), a reclassification onto another track (E5), a part of a mixed contact
 * split off (MA-1). Each change is one transaction: the new case (started through the engine like any intake,
 * as the signed-in person, who then confirms its classification), the link, the timeline events of both cases
 * and, for a reclassification, the message that ends the first case as RECLASSIFIED with its clocks stopped.
 * The API and the Tasklist process {@code caseChange} both come here.
 */
@Service
public class CaseChanges {

    static final int MAX_REASON = 2000;
    static final int MAX_TEXT = 4000;
    static final int MAX_PARTS = 4;
    public static final String RECLASSIFIED_MESSAGE = "CaseReclassified";
    public static final String RECLASSIFIED = "RECLASSIFIED";
    /** The closures of a contact that did not become a grievance: what a conversion starts from. */
    static final Set<String> CONVERTIBLE = Set.of("RESOLVED_AT_POINT_OF_CARE", "NOT_A_GRIEVANCE", "INQUIRY");

    private final SourceCases sources;
    private final CaseLinkRepository links;
    private final GrievanceCaseRepository cases;
    private final CaseClocks clocks;
    private final AtRisk atRisk;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final EngineAsSystem system;
    private final TimeBounds timeBounds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseChanges(SourceCases sources, CaseLinkRepository links, GrievanceCaseRepository cases, CaseClocks clocks,
            AtRisk atRisk, RuntimeService runtime, IdentityService identity, EngineAsSystem system,
            TimeBounds timeBounds, ApplicationEventPublisher events, Clock clock) {
        this.sources = sources;
        this.links = links;
        this.cases = cases;
        this.clocks = clocks;
        this.atRisk = atRisk;
        this.runtime = runtime;
        this.identity = identity;
        this.system = system;
        this.timeBounds = timeBounds;
        this.events = events;
        this.clock = clock;
    }

    /**
     * E2(b): the patient asked at {@code requestedAt} for a written response or formal handling of a contact that
     * was closed as resolved at the point of care, not a grievance, or an inquiry: a new grievance, received then,
     * whose clocks count from the contact's first receipt.
     */
    @Transactional
    public CaseChange convert(String caseNumber, OffsetDateTime requestedAt, String reason) {
        String why = reason(reason);
        SourceCase source = sources.require(caseNumber);
        if (source.open()) {
            throw Refusal.conflict("E2(b)", "This case is still open: reclassify it instead of converting it.");
        }
        if (!CONVERTIBLE.contains(source.record().closureReason())) {
            throw Refusal.conflict("E2(b)", "Only a complaint resolved at the point of care or a contact closed as"
                    + " not a grievance or as an inquiry can be converted into a grievance.");
        }
        if (!links.from(caseNumber, LinkKind.CONVERTED, source.zone()).isEmpty()) {
            throw Refusal.conflict("E2(b)", "This case was already converted into a grievance: see its links.");
        }
        if (requestedAt == null) {
            throw Refusal.badField("requestedAt", "requestedAt is required: when the patient asked for a response.");
        }
        Instant asked = requestedAt.toInstant();
        timeBounds.require("requestedAt", asked);
        if (asked.isBefore(source.record().receivedAt().toInstant())) {
            throw Refusal.badField("requestedAt", "requestedAt must not be before the case was received.");
        }
        Instant original = source.originalReceivedAt();
        NewLinkedCase start = new NewLinkedCase(source, Track.GRIEVANCE, asked,
                original.isBefore(asked) ? original : null, null, true);
        CaseChange.NewCase created = open(source, start, LinkKind.CONVERTED, why, asked, requestedAt);
        return answer(caseNumber, List.of(created));
    }

    /**
     * E5: an open case belongs on another track. A new case on {@code track}, received when the first one was;
     * the first case ends as RECLASSIFIED with its clocks stopped (an open abuse or neglect review stays open).
     */
    @Transactional
    public CaseChange reclassify(String caseNumber, Track track, String reason) {
        String why = reason(reason);
        if (track == null) {
            throw Refusal.badField("classification", "classification is required: the track the case belongs on.");
        }
        SourceCase source = sources.require(caseNumber);
        if (!source.open()) {
            throw Refusal.conflict("E5", "A closed case cannot be reclassified; a closed complaint or non-grievance"
                    + " can be converted into a grievance.");
        }
        requireNotReclassified(source);
        requireOtherTrack(source, track);
        CaseChange.NewCase created = open(source, sameReceipt(source, track, null), LinkKind.RECLASSIFIED, why,
                clock.instant(), null);
        // the consequence of a change the person may make: the first case's process may not be theirs to update
        String processInstanceId = source.record().processInstanceId();
        system.run(() -> runtime.createMessageCorrelation(RECLASSIFIED_MESSAGE).processInstanceId(processInstanceId)
                .setVariable(GrievanceProcess.RECLASSIFIED_AS, track.name()).correlate());
        return answer(caseNumber, List.of(created));
    }

    /**
     * MA-1: a mixed contact ("you denied my MRI and your rep was rude"): each part goes onto its own track as a
     * new case with its own clock from the first receipt; the first case stays open for the rest.
     */
    @Transactional
    public CaseChange split(String caseNumber, List<SplitPart> parts, String reason) {
        String why = reason(reason);
        if (parts == null || parts.isEmpty() || parts.size() > MAX_PARTS) {
            throw Refusal.badField("parts", "parts must name 1 to " + MAX_PARTS + " parts, each with its track.");
        }
        Set<Track> seen = EnumSet.noneOf(Track.class);
        for (int i = 0; i < parts.size(); i++) {
            SplitPart part = parts.get(i);
            String field = "parts[" + i + "]";
            if (part == null || part.classification() == null) {
                throw Refusal.badField(field + ".classification", "Each part needs its track (classification).");
            }
            if (!seen.add(part.classification())) {
                throw Refusal.badField(field + ".classification", "Each part goes onto a different track.");
            }
            text(field + ".complaintText", part.complaintText(), MAX_TEXT);
        }
        SourceCase source = sources.require(caseNumber);
        if (!source.open()) {
            throw Refusal.conflict("MA-1", "A closed case cannot be split.");
        }
        requireNotReclassified(source);
        parts.forEach(part -> requireOtherTrack(source, part.classification()));
        List<CaseChange.NewCase> created = new ArrayList<>();
        for (SplitPart part : parts) {
            created.add(open(source, sameReceipt(source, part.classification(), blankToNull(part.complaintText())),
                    LinkKind.SPLIT, why, clock.instant(), null));
        }
        return answer(caseNumber, created);
    }

    /** The new case of a reclassification or split: the same contact, so the same receipt. */
    private static NewLinkedCase sameReceipt(SourceCase source, Track track, String complaintText) {
        Instant received = source.record().receivedAt().toInstant();
        Instant original = source.originalReceivedAt();
        return new NewLinkedCase(source, track, received, original.isBefore(received) ? original : null,
                complaintText, false);
    }

    /** Starts the new case as the signed-in person, links it and tells both timelines. */
    private CaseChange.NewCase open(SourceCase source, NewLinkedCase start, LinkKind kind, String reason,
            Instant openedAt, OffsetDateTime requestedAt) {
        String actor = Actors.current(identity);
        ProcessInstance instance = runtime.createProcessInstanceByKey(GrievanceProcess.KEY)
                .setVariables(start.variables()).execute();
        GrievanceCase created = cases.findByProcessInstanceId(instance.getId())
                .orElseThrow(() -> new IllegalStateException("registerCase did not write the case row"));
        List<ClockState> opened = clocks.of(created.caseNumber());
        boolean late = atRisk.any(opened, openedAt);
        ZoneId zone = source.zone();
        Instant now = clock.instant();
        OffsetDateTime original = source.originalReceivedAt().atZone(zone).toOffsetDateTime();
        links.insert(source.caseNumber(), created.caseNumber(), kind, start.track(), reason, original, requestedAt,
                late, actor, now.atZone(zone).toOffsetDateTime());
        events.publishEvent(new CaseLinked(source.caseNumber(), created.caseNumber(), kind, start.track(), late,
                actor, now));
        return new CaseChange.NewCase(created.caseNumber(), kind, start.track(), created.receivedAt(), original,
                created.responseDueAt(), late);
    }

    private CaseChange answer(String caseNumber, List<CaseChange.NewCase> created) {
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow();
        return new CaseChange(caseNumber, c.status(), c.closureReason(), created);
    }

    /** A reclassified case may stay open for its abuse or neglect review only: it is no longer on any track. */
    private void requireNotReclassified(SourceCase source) {
        if (!links.from(source.caseNumber(), LinkKind.RECLASSIFIED, source.zone()).isEmpty()) {
            throw Refusal.conflict("E5", "This case was already reclassified: work the case it became.");
        }
    }

    private static void requireOtherTrack(SourceCase source, Track track) {
        if (track.name().equals(source.record().classification())) {
            throw Refusal.conflict("E5", "The case is already classified " + track.name()
                    + ": choose another track.");
        }
        if (track.planOnly() && !source.planCase()) {
            throw Refusal.conflict("MA-1", "Appeals and coverage requests are a health plan's procedures; this case"
                    + " runs under no plan regime.");
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.badField("reason", "reason is required: why the case changes track.");
        }
        text("reason", reason, MAX_REASON);
        return reason.strip();
    }

    private static void text(String field, String text, int max) {
        if (text == null) {
            return;
        }
        if (text.length() > max) {
            throw Refusal.badField(field, field + " must be at most " + max + " characters.");
        }
        if (!PrintableText.isPrintable(text)) {
            throw Refusal.badField(field, field + " " + PrintableText.RULE + ".");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
