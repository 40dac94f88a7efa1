package org.opengrievance.casesearch;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit/cases}: auditors and the director (SecurityConfig, {@code /api/audit/**}). */
@RestController
class CaseSearchController {

    private final CaseSearch search;

    CaseSearchController(CaseSearch search) {
        this.search = search;
    }

    @GetMapping("/api/audit/cases")
    CaseSearchPage search(@RequestParam MultiValueMap<String, String> parameters) {
        return search.search(parameters);
    }
}
