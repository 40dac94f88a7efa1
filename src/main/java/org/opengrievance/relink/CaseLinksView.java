package org.opengrievance.relink;

import java.time.ZoneId;
import java.util.List;

import org.opengrievance.grievance.CaseView;
import org.opengrievance.grievance.LinkedCases;
import org.springframework.stereotype.Component;

/** The links of a case as {@code GET /api/grievances/{caseNumber}} shows them. */
@Component
class CaseLinksView implements LinkedCases {

    private final CaseLinkRepository links;

    CaseLinksView(CaseLinkRepository links) {
        this.links = links;
    }

    @Override
    public List<CaseView.Link> of(String caseNumber, ZoneId zone) {
        return links.of(caseNumber, zone).stream().map(l -> {
            boolean from = l.toCase().equals(caseNumber);
            return new CaseView.Link(from ? "FROM" : "TO", from ? l.fromCase() : l.toCase(), l.kind().name(),
                    l.classification().name(), l.reason(), l.originalReceivedAt(), l.requestedAt(), l.atRisk(),
                    l.actor(), l.linkedAt());
        }).toList();
    }
}
