package org.opengrievance.letter;

import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.opengrievance.access.PhiAccessLog;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The letters of a case: the list (no PDF bytes) and each letter's PDF exactly as approved. */
@RestController
@RequestMapping("/api/grievances/{caseNumber}/letters")
class LetterController {

    static final URI NOT_FOUND = URI.create("urn:grievance:problem:not-found");
    static final URI INTEGRITY = URI.create("urn:grievance:problem:letter-integrity");

    private final LetterService letters;
    private final PhiAccessLog accessLog;

    LetterController(LetterService letters, PhiAccessLog accessLog) {
        this.letters = letters;
        this.accessLog = accessLog;
    }

    @GetMapping
    List<LetterSummary> list(@PathVariable String caseNumber) {
        List<LetterSummary> list = letters.list(caseNumber);
        // the list names the recipients: recorded before it leaves (a read the log cannot record fails)
        accessLog.caseRead(caseNumber, PhiAccessLog.LETTERS);
        return list;
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String caseNumber, @PathVariable long id) {
        LetterSummary letter = letters.find(id);
        if (!letter.caseNumber().equals(caseNumber)) {
            throw new LetterNotFoundException(caseNumber, id);
        }
        byte[] pdf = letters.pdf(id);
        accessLog.caseRead(caseNumber, PhiAccessLog.LETTER, "letter=" + id);
        String file = caseNumber + "-" + letter.kind().templateName() + "-" + id + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(file).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                // RFC 9530: the SHA-256 recorded at approval, which these bytes were just checked against
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                        HexFormat.of().parseHex(letter.sha256())) + ":")
                .body(pdf);
    }

    @ExceptionHandler(LetterNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(LetterNotFoundException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        p.setType(NOT_FOUND);
        p.setTitle("No such letter");
        return problem(p);
    }

    @ExceptionHandler(LetterIntegrityException.class)
    ResponseEntity<ProblemDetail> integrity(LetterIntegrityException ex) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, ex.getMessage()
                + "; the letter is not served. Report this to the privacy and security officer.");
        p.setType(INTEGRITY);
        p.setTitle("Stored letter failed its integrity check");
        return problem(p);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
