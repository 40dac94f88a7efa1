package org.opengrievance.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.opengrievance.grievance.CaseDeadlines;
import org.opengrievance.grievance.CaseView;
import org.springframework.stereotype.Component;

/**
 * The case view's deadlines: each clock as it stands, its instants in the zone that governs it. A running
 * clock past its binding deadline shows late before its breach timer has fired.
 */
@Component
class ClockDeadlines implements CaseDeadlines {

    private final CaseClockRepository clocks;
    private final Clock clock;

    ClockDeadlines(CaseClockRepository clocks, Clock clock) {
        this.clocks = clocks;
        this.clock = clock;
    }

    @Override
    public List<CaseView.Deadline> of(String caseNumber) {
        return clocks.findAll(caseNumber).stream().map(this::deadline).toList();
    }

    private CaseView.Deadline deadline(ClockState k) {
        ZoneId z = k.zone();
        boolean late = k.late() || (k.stoppedAt() == null && clock.instant().isAfter(k.bindingDueAt()));
        CaseView.Extension ext = k.extensionDays() == 0 ? null : new CaseView.Extension(k.extensionDays(),
                k.extensionRequestedBy().name(), k.extensionReason(), at(k.extendedAt(), z), at(k.extensionNoticeDueAt(), z));
        return new CaseView.Deadline(k.regime().name(), k.kind().name(), k.ownerName(), z.getId(),
                at(k.receivedAt(), z), at(k.bindingDueAt(), z), at(k.baseDueAt(), z), at(k.followUpDueAt(), z),
                at(k.interimSentAt(), z), ext, k.expediteTrigger() == null ? null : k.expediteTrigger().name(), late,
                at(k.lateAt(), z), at(k.stoppedAt(), z), k.policyCitation(), k.policySource());
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
