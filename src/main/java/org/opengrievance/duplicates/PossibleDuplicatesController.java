package org.opengrievance.duplicates;

import java.util.List;

import org.opengrievance.access.PhiAccessLog;
import org.opengrievance.grievance.CaseNotFoundException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The possible duplicates of a contact, for intake and patient relations (a connected system that logged the
 * contact through the API learns here why it waits). A read of PHI: recorded in the access log for the contact,
 * and for each listed case whose complaint excerpt it discloses, before the answer leaves.
 */
@RestController
class PossibleDuplicatesController {

    static final String ACTION = "possible-duplicates";

    private final DuplicateRepository repository;
    private final PhiAccessLog accessLog;

    PossibleDuplicatesController(DuplicateRepository repository, PhiAccessLog accessLog) {
        this.repository = repository;
        this.accessLog = accessLog;
    }

    @GetMapping("/api/grievances/{caseNumber}/possible-duplicates")
    @Transactional
    public PossibleDuplicates read(@PathVariable String caseNumber) {
        if (!repository.exists(caseNumber)) {
            throw new CaseNotFoundException(caseNumber);
        }
        List<DuplicateCandidate> candidates = repository.listed(caseNumber);
        var decision = repository.decision(caseNumber);
        accessLog.caseRead(caseNumber, ACTION);
        for (DuplicateCandidate c : candidates) {
            accessLog.caseRead(c.caseNumber(), ACTION, "listed for " + caseNumber);
        }
        String state = decision.map(DuplicateRepository.Decision::decision)
                .orElse(candidates.isEmpty() ? "NONE" : "PENDING");
        return new PossibleDuplicates(caseNumber, state, decision.map(DuplicateRepository.Decision::attachedTo).orElse(null),
                decision.map(DuplicateRepository.Decision::decidedBy).orElse(null),
                decision.map(DuplicateRepository.Decision::decidedAt).orElse(null), candidates);
    }
}
