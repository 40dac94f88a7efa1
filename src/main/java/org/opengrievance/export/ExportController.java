package org.opengrievance.export;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.opengrievance.refusal.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/exports/{name}.{format}?from=YYYY-MM-DD&to=YYYY-MM-DD}: the universes, the hospital
 * grievance log and the timeliness report as CSV or XLSX, for auditors and the director (security.SecurityConfig).
 * A bad parameter is a 400 naming it; an export that does not validate is a 422 naming each row and field.
 */
@RestController
class ExportController {

    static final URI INVALID_EXPORT = URI.create("urn:grievance:problem:invalid-export");

    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/api/audit/exports/{name}.{format}")
    ResponseEntity<byte[]> export(@PathVariable String name, @PathVariable String format,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ExportName export = ExportName.of(name).orElseThrow(() -> Refusal.badField("name",
                "There is no such export: choose one of " + ExportName.known() + "."));
        ExportFormat type = ExportFormat.of(format).orElseThrow(() -> Refusal.badField("format",
                "An export is served as csv or xlsx."));
        ReceiptRange range = ReceiptRange.parse(from, to);
        ExportService.Export result = exports.export(export, range, type);
        byte[] body = type == ExportFormat.CSV ? CsvWriter.write(result.table()) : XlsxWriter.write(result.table());
        return ResponseEntity.ok().contentType(type.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + result.fileName() + "\"")
                .body(body);
    }

    /** RFC 9457: what is wrong, row by row (case numbers and column names only; never a cell's value). */
    @ExceptionHandler(ExportInvalidException.class)
    ResponseEntity<ProblemDetail> invalid(ExportInvalidException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, "The export has "
                + e.total() + (e.total() == 1 ? " fault" : " faults") + " CMS or a surveyor would reject; it was not"
                + " served. Correct the cases named in errors and export again.");
        p.setType(INVALID_EXPORT);
        p.setTitle("The export did not validate");
        p.setInstance(URI.create("urn:uuid:" + java.util.UUID.randomUUID()));
        List<Map<String, String>> errors = e.faults().stream()
                .map(f -> Map.of("row", f.row(), "field", f.field(), "message", f.message())).toList();
        p.setProperty("errors", errors);
        if (e.total() > e.faults().size()) {
            p.setProperty("more", e.total() - e.faults().size());
        }
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
