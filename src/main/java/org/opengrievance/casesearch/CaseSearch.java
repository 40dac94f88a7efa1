package org.opengrievance.casesearch;

import java.util.List;
import java.util.Map;

import org.opengrievance.access.PhiAccessLog;
import org.opengrievance.config.FacilityProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The auditor's case search: the read model only, recorded in the PHI access log (patient names are listed). */
@Service
class CaseSearch {

    static final String ACCESS_LOG_NAME = "case-search";

    private final CaseSearchRepository repository;
    private final PhiAccessLog accessLog;
    private final FacilityProperties facility;

    CaseSearch(CaseSearchRepository repository, PhiAccessLog accessLog, FacilityProperties facility) {
        this.repository = repository;
        this.accessLog = accessLog;
        this.facility = facility;
    }

    /** One transaction: a search the log could not record fails instead of listing names unrecorded. */
    @Transactional
    CaseSearchPage search(Map<String, List<String>> parameters) {
        CaseSearchQuery query = CaseSearchQuery.parse(parameters);
        CaseSearchPage page = repository.search(query, facility.zone());
        accessLog.searchRead(ACCESS_LOG_NAME, query.forAccessLog());
        return page;
    }
}
