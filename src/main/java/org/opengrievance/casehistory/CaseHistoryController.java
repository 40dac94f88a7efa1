package org.opengrievance.casehistory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The case history for auditors and the director (SecurityConfig, {@code /api/audit/**}); reads only. */
@RestController
class CaseHistoryController {

    private final CaseHistoryReader reader;
    private final ProcessModels models;

    CaseHistoryController(CaseHistoryReader reader, ProcessModels models) {
        this.reader = reader;
        this.models = models;
    }

    @GetMapping("/api/audit/cases/{caseNumber}/history")
    CaseHistory history(@PathVariable String caseNumber) {
        return reader.read(caseNumber);
    }

    @GetMapping("/api/audit/definitions/{definitionId}/xml")
    ProcessModels.ProcessModelXml definitionXml(@PathVariable String definitionId) {
        return models.xml(definitionId);
    }
}
