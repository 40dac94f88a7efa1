package org.opengrievance.report;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/director/reports}: the stored monthly reports, newest month first, and their PDF and XLSX
 * (pr-director only, security.SecurityConfig; docs/guide-director.md, "Monthly report").
 */
@RestController
class ReportController {

    private final ReportRepository reports;

    ReportController(ReportRepository reports) {
        this.reports = reports;
    }

    @GetMapping("/api/director/reports")
    List<StoredReport> list() {
        return reports.list();
    }

    @GetMapping("/api/director/reports/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return file(id, ReportRepository.Kind.PDF, MediaType.APPLICATION_PDF, "pdf");
    }

    @GetMapping("/api/director/reports/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return file(id, ReportRepository.Kind.XLSX, MediaType.parseMediaType(ReportMailer.XLSX_TYPE), "xlsx");
    }

    private ResponseEntity<byte[]> file(long id, ReportRepository.Kind kind, MediaType type, String extension) {
        StoredReport report = reports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] content = reports.content(id, kind).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"grievance-report-" + report.month()
                        + "-" + id + "." + extension + "\"")
                .body(content);
    }
}
