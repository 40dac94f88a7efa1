package org.opengrievance.access;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opengrievance.config.FacilityProperties;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The PHI access log for auditors (and the director): a paginated search, newest first, and a CSV export of a
 * date range. Who may call it is decided in security.SecurityConfig ({@code /api/audit/**}). Both are reads of
 * the log itself and are recorded in it before the answer leaves: the search as a search, the export as an export.
 */
@RestController
@RequestMapping("/api/audit")
class AccessLogController {

    static final int MAX_SIZE = 200;
    /** Far beyond any log; keeps page × size inside a whole number. */
    static final int MAX_PAGE = 1_000_000;
    static final String SEARCH = "access-log";
    static final String EXPORT = "access-log.csv";

    private static final Set<String> SEARCH_PARAMETERS = with(AccessLogFilter.FILTERS, "page", "size");

    record Page(int page, int size, long total, int totalPages, String zone, List<AccessLogRepository.Entry> entries) {
    }

    private final AccessLogRepository log;
    private final PhiAccessLog accessLog;
    private final ZoneId zone;

    AccessLogController(AccessLogRepository log, PhiAccessLog accessLog, FacilityProperties facility) {
        this.log = log;
        this.accessLog = accessLog;
        this.zone = facility.zone();
    }

    @GetMapping("/access-log")
    Page search(HttpServletRequest request) {
        AccessLogFilter filter = AccessLogFilter.parse(request.getParameterMap(), SEARCH_PARAMETERS, false);
        int page = AccessLogFilter.whole(request.getParameterMap(), "page", 0, 0, MAX_PAGE);
        int size = AccessLogFilter.whole(request.getParameterMap(), "size", 50, 1, MAX_SIZE);
        long total = log.count(filter, zone);
        List<AccessLogRepository.Entry> entries = log.page(filter, zone, page, size);
        accessLog.searchRead(SEARCH, filter.parameters() + (filter.parameters().isEmpty() ? "" : "&")
                + "page=" + page + "&size=" + size);
        return new Page(page, size, total, (int) ((total + size - 1) / size), zone.getId(), entries);
    }

    @GetMapping("/access-log.csv")
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AccessLogFilter filter = AccessLogFilter.parse(request.getParameterMap(), AccessLogFilter.FILTERS, true);
        // recorded before a byte of the file leaves: an export the log cannot record is not served
        accessLog.exportRead(EXPORT, filter.parameters());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("phi-access-log-" + filter.from() + "-to-" + filter.to() + ".csv").build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write(AccessLogCsv.HEADER);
        try {
            log.each(filter, zone, e -> {
                try {
                    out.write(AccessLogCsv.row(e));
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            });
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
        out.flush();
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }
}
