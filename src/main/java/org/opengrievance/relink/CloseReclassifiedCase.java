package org.opengrievance.relink;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * Service task {@code recordReclassifiedClosure} of the event sub-process {@code reclassification}: closes the
 * case as RECLASSIFIED with the reason and the person of its reclassification link, written in the same
 * transaction just before the message came ({@link CaseChanges#reclassify}). The message may be correlated as the
 * system (the person need not hold the right to update the first case's process), so the person comes from
 * the link, never from the engine's current user.
 */
@Component("closeReclassifiedCase")
class CloseReclassifiedCase implements JavaDelegate {

    private final CaseLinkRepository links;
    private final GrievanceCaseRepository cases;
    private final Clock clock;

    CloseReclassifiedCase(CaseLinkRepository links, GrievanceCaseRepository cases, Clock clock) {
        this.links = links;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = CaseKey.of(execution);
        ZoneId zone = ZoneId.of((String) execution.getVariable(GrievanceProcess.FACILITY_ZONE));
        List<CaseLink> reclassified = links.from(caseNumber, LinkKind.RECLASSIFIED, zone);
        if (reclassified.isEmpty()) {
            // a message sent some other way would close the case with no case to carry it on
            throw Refusal.conflict("E5", "A case is reclassified through the grievance API or Tasklist's"
                    + " \"Reclassify, split or convert a case\", which opens the new case.");
        }
        CaseLink link = reclassified.get(reclassified.size() - 1);
        String note = "Reclassified as " + link.classification() + ": " + link.toCase() + ". " + link.reason();
        cases.close(caseNumber, CaseChanges.RECLASSIFIED, note, OffsetDateTime.now(clock.withZone(zone)),
                link.actor());
    }
}
