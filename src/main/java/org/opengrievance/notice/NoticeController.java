package org.opengrievance.notice;

import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.opengrievance.access.PhiAccessLog;
import org.opengrievance.config.WithinTimeBounds;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.letter.LetterKind;
import org.opengrievance.letter.LetterNotApplicableException;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterValidationException;
import org.opengrievance.regime.Regime;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The letter a case would send now (a preview: nothing stored), and the notifications of a case, including
 * oral ones, which are recorded as their own events with time and person.
 */
@RestController
@RequestMapping("/api/grievances/{caseNumber}")
class NoticeController {

    static final URI NOT_APPLICABLE = URI.create("urn:grievance:problem:letter-not-applicable");
    static final URI INCOMPLETE = URI.create("urn:grievance:problem:letter-incomplete");

    enum OralKind { ACKNOWLEDGEMENT, RESOLUTION, EXTENSION, CLASSIFICATION_NOTICE }

    record OralNotification(@NotNull OralKind kind, @NotNull @WithinTimeBounds OffsetDateTime notifiedAt,
            @Size(max = 2000) String summary) {
    }

    private final NoticeContents contents;
    private final LetterService letters;
    private final GrievanceCaseRepository cases;
    private final NotificationRepository notifications;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final Clock clock;
    private final PhiAccessLog accessLog;

    NoticeController(NoticeContents contents, LetterService letters, GrievanceCaseRepository cases,
            NotificationRepository notifications, RuntimeService runtime, IdentityService identity, Clock clock,
            PhiAccessLog accessLog) {
        this.contents = contents;
        this.letters = letters;
        this.cases = cases;
        this.notifications = notifications;
        this.runtime = runtime;
        this.identity = identity;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /**
     * The letter as it would be sent now, marked as a draft and stored nowhere. A kind the case's rules do not
     * send is a 404; a letter that still lacks required elements is a 422 listing them ({@code missing}), never
     * a PDF with blanks.
     */
    @GetMapping("/letters/preview/{kind}")
    ResponseEntity<byte[]> preview(@PathVariable String caseNumber, @PathVariable LetterKind kind,
            @RequestParam(required = false) Regime regime) {
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        Map<String, Object> vars = runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId())
                .count() == 1 ? runtime.getVariables(c.processInstanceId()) : Map.of();
        byte[] pdf = letters.preview(contents.build(caseNumber, kind, vars, regime));
        // recorded before the letter leaves: a read the log cannot record fails
        accessLog.caseRead(c.caseNumber(), PhiAccessLog.LETTER_PREVIEW, "kind=" + kind.name());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + caseNumber + "-preview.pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    @ExceptionHandler(LetterNotApplicableException.class)
    ResponseEntity<ProblemDetail> notApplicable(LetterNotApplicableException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        p.setType(NOT_APPLICABLE);
        p.setTitle("The case's rules send no such letter");
        return problem(p);
    }

    @ExceptionHandler(LetterValidationException.class)
    ResponseEntity<ProblemDetail> incomplete(LetterValidationException ex) {
        String what = ex.kind() == null ? "The letter" : "The " + ex.kind().label();
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, what
                + " cannot be previewed yet: it lacks " + ex.missing().size()
                + (ex.missing().size() == 1 ? " required element" : " required elements") + ", listed in missing.");
        p.setType(INCOMPLETE);
        p.setTitle("The letter is not complete");
        p.setProperty("missing", ex.missing());
        return problem(p);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @GetMapping("/notifications")
    List<NotificationRepository.Notification> list(@PathVariable String caseNumber) {
        cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        List<NotificationRepository.Notification> list = notifications.list(caseNumber);
        accessLog.caseRead(caseNumber, PhiAccessLog.NOTIFICATIONS);
        return list;
    }

    @PostMapping("/notifications/oral")
    List<NotificationRepository.Notification> oral(@PathVariable String caseNumber,
            @Valid @RequestBody OralNotification request) {
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        TimeOrder.notifiedAfterReceipt("notifiedAt", request.notifiedAt().toInstant(), c.receivedAt().toInstant());
        notifications.record(caseNumber, request.kind().name(), "ORAL", null, "ORAL", request.notifiedAt(),
                Actors.current(identity), request.summary(), OffsetDateTime.now(clock));
        return notifications.list(caseNumber);
    }
}
