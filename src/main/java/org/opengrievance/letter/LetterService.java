package org.opengrievance.letter;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.opengrievance.config.FacilityProperties;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters to patients and enrollees: preview, approve (validate, render, store with SHA-256), mark sent,
 * list, read back, and verify that a stored letter is still the one approved.
 */
@Service
public class LetterService {

    static final String APPROVED = "APPROVED";
    static final String SENT = "SENT";

    private final LetterRules rules;
    private final LetterRenderer renderer;
    private final LetterRepository letters;
    private final GrievanceCaseRepository cases;
    private final Clock clock;
    private final ZoneId zone;

    LetterService(LetterRules rules, LetterRenderer renderer, LetterRepository letters,
            GrievanceCaseRepository cases, Clock clock, FacilityProperties facility) {
        this.rules = rules;
        this.renderer = renderer;
        this.letters = letters;
        this.cases = cases;
        this.clock = clock;
        this.zone = facility.zone();
    }

    /**
     * The language a letter for someone who prefers {@code requested} is written in: that language when it has
     * templates, else the default language (the letter then carries the taglines and records the fallback).
     */
    public String languageFor(String requested) {
        return renderer.languageFor(requested);
    }

    /** The languages letters are written in. */
    public List<String> languages() {
        return renderer.languages();
    }

    /**
     * The required elements this letter still lacks, in words staff understand; empty when it may be approved.
     * For a form that shows what is left to fill in.
     */
    public List<String> missing(LetterContent content) {
        return rules.missing(content);
    }

    /**
     * The PDF as it would be sent, marked "DRAFT – not sent" on every page and stored nowhere. Only a letter the
     * case's rules send, and only once it is complete: the same required-element check as approval, so that a
     * preview never shows blanks where an element is missing.
     *
     * @throws LetterNotApplicableException when the kind does not apply to the letter's regime
     * @throws LetterValidationException    naming every missing element (or the kind, regime or language)
     */
    public byte[] preview(LetterContent content) {
        if (content.kind() != null && content.regime() != null && !content.kind().appliesTo(content.regime())) {
            throw new LetterNotApplicableException(content.kind(), List.of(content.regime()));
        }
        rules.check(content);
        return renderer.draft(content).pdf();
    }

    /**
     * Validates the letter, renders it, and stores the PDF with its SHA-256 and the template version as
     * APPROVED by {@code approver}. Joins the caller's transaction (a process delegate's, for instance).
     *
     * @throws CaseNotFoundException      when there is no such case
     * @throws LetterValidationException  naming every missing element
     * @throws IllegalArgumentException   when the content is for another case or kind, or no approver is given
     */
    @Transactional
    public LetterSummary approve(String caseNumber, LetterKind kind, LetterContent content, String approver) {
        if (approver == null || approver.isBlank()) {
            throw new IllegalArgumentException("A letter is approved by someone: approver is missing");
        }
        if (content.caseNumber() != null && !content.caseNumber().equals(caseNumber)) {
            throw new IllegalArgumentException("The letter names case " + content.caseNumber() + ", not " + caseNumber);
        }
        if (content.kind() != null && content.kind() != kind) {
            throw new IllegalArgumentException("The letter content is a " + content.kind() + ", not a " + kind);
        }
        cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        LetterContent c = content.kind() == null || content.caseNumber() == null
                ? content.toBuilder().kind(kind).caseNumber(caseNumber).build() : content;
        rules.check(c);
        LetterRenderer.Rendered rendered = renderer.render(c);
        String sha256 = LetterHashes.sha256(rendered.pdf());
        OffsetDateTime now = now();
        long id = letters.insert(new LetterRepository.NewLetter(caseNumber, kind, c.regime().name(),
                rendered.language(), rendered.templateVersion(), rendered.pdf(), sha256, LetterStatus.APPROVED, now,
                approver, now, recipient(c), c.language(), rendered.largePrint()));
        letters.event(id, APPROVED, approver, now, "sha256=" + sha256 + " template=" + rendered.templateVersion()
                + " language=" + rendered.language() + (rendered.fallback() ? " (asked for " + c.language()
                + ": no templates; default language with taglines)" : "") + (rendered.largePrint() ? " large-print" : ""));
        return letters.find(id, zone).orElseThrow();
    }

    /** Records that the letter went out, keeping the recipient recorded at approval (name and postal address). */
    @Transactional
    public LetterSummary markSent(long letterId, SendChannel channel, Instant at) {
        return markSent(letterId, channel, null, at);
    }

    /**
     * Records that the letter went out by {@code channel} at {@code at} to {@code recipient} (an e-mail address,
     * for instance; null keeps the recipient recorded at approval).
     *
     * @throws LetterNotFoundException when there is no such letter
     * @throws LetterStateException    when the letter is not APPROVED (already sent)
     */
    @Transactional
    public LetterSummary markSent(long letterId, SendChannel channel, String recipient, Instant at) {
        LetterSummary letter = letters.find(letterId, zone).orElseThrow(() -> new LetterNotFoundException(null, letterId));
        if (channel == null || at == null) {
            throw new IllegalArgumentException("Sending needs a channel and a time");
        }
        OffsetDateTime sentAt = at.atOffset(ZoneOffset.UTC);
        if (!letters.markSent(letterId, channel, blankToNull(recipient), sentAt)) {
            throw new LetterStateException("Letter " + letterId + " is " + letter.status()
                    + (letter.sentAt() != null ? " (sent " + letter.sentAt() + ")" : "") + ", so it cannot be marked sent");
        }
        letters.event(letterId, SENT, null, now(), channel.name());
        return letters.find(letterId, zone).orElseThrow();
    }

    /**
     * Every letter of the case, oldest first, without PDFs.
     *
     * @throws CaseNotFoundException when there is no such case
     */
    public List<LetterSummary> list(String caseNumber) {
        cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        return letters.list(caseNumber, zone);
    }

    /** One letter without its PDF. */
    public LetterSummary find(long letterId) {
        return letters.find(letterId, zone).orElseThrow(() -> new LetterNotFoundException(null, letterId));
    }

    /**
     * The stored PDF, after checking it still matches its recorded SHA-256.
     *
     * @throws LetterNotFoundException   when there is no such letter
     * @throws LetterIntegrityException  when the stored bytes no longer match the recorded hash
     */
    public byte[] pdf(long letterId) {
        LetterSummary letter = find(letterId);
        byte[] pdf = letters.pdf(letterId).orElseThrow(() -> new LetterNotFoundException(null, letterId));
        if (!LetterHashes.sha256(pdf).equals(letter.sha256())) {
            throw new LetterIntegrityException(letterId);
        }
        return pdf;
    }

    /** Re-hashes the stored PDF and compares it with the hash recorded at approval. */
    public LetterIntegrity verify(long letterId) {
        LetterSummary letter = find(letterId);
        byte[] pdf = letters.pdf(letterId).orElseThrow(() -> new LetterNotFoundException(null, letterId));
        return new LetterIntegrity(letterId, letter.sha256(), LetterHashes.sha256(pdf));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String recipient(LetterContent c) {
        // a representative's letter records whom it went to and for whom (E8)
        String to = c.toRepresentative()
                ? c.addresseeName() + " (" + c.representative().relationship() + ", for " + c.patientName() + ")"
                : c.addresseeName();
        return Stream.concat(Stream.of(to),
                        c.mailingAddress() == null ? Stream.empty() : c.mailingAddress().lines())
                .filter(s -> s != null && !s.isBlank()).map(String::strip).collect(Collectors.joining(", "));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
