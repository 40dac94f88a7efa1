package org.opengrievance.casesearch;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/audit/cases}: auditors and the director (SecurityConfig, {@code /api/audit/**}). The query is
 * taken whole, so that an unknown or repeated filter is refused by name (its description: apidoc).
 */
@RestController
class CaseSearchController {

    private final CaseSearch search;

    CaseSearchController(CaseSearch search) {
        this.search = search;
    }

    @GetMapping("/api/audit/cases")
    CaseSearchPage search(HttpServletRequest request) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> parameters.put(name, Arrays.asList(values)));
        return search.search(parameters);
    }
}
