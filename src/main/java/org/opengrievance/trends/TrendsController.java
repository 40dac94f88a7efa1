package org.opengrievance.trends;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/director/trends} and {@code /api/director/denominators}: the director's trend figures and the
 * monthly denominators of their rates (pr-director only, security.SecurityConfig). Contract:
 * docs/guide-director.md, "Trends".
 */
@RestController
class TrendsController {

    private final TrendsService trends;

    TrendsController(TrendsService trends) {
        this.trends = trends;
    }

    @GetMapping("/api/director/trends/filters")
    TrendFilterOptions filters() {
        return trends.filters();
    }

    @GetMapping("/api/director/trends")
    Trends trends(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String facility, @RequestParam(required = false) String department) {
        return trends.compute(query(from, to, facility, department));
    }

    @GetMapping("/api/director/trends/{chartId}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String chartId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String facility,
            @RequestParam(required = false) String department) {
        if (!TrendsService.CHART_IDS.contains(chartId)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Trends t = trends.compute(query(from, to, facility, department));
        String file = "trends-" + chartId + "-" + t.from() + "-" + t.to() + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(trends.csv(t, chartId).getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/api/director/denominators")
    List<Denominator> denominators(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        return trends.denominators(TrendParams.month("from", from), TrendParams.month("to", to));
    }

    @PutMapping("/api/director/denominators/{month}")
    Denominator enter(@PathVariable String month, @RequestBody DenominatorEntry entry, Principal principal) {
        return trends.enterDenominator(TrendParams.month("month", month), entry.facility(), entry.value(),
                principal.getName());
    }

    private static TrendQuery query(String from, String to, String facility, String department) {
        return new TrendQuery(TrendParams.month("from", from), TrendParams.month("to", to), TrendParams.name(facility),
                TrendParams.name(department));
    }

    /** The body of a denominator entry: the facility or plan name as the filters list it, and the month's value. */
    record DenominatorEntry(String facility, Long value) {
    }
}
