package org.opengrievance.record;

import java.time.Clock;

import org.opengrievance.clock.ClockChanged;
import org.opengrievance.notice.NotificationRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Facts the case row keeps from the other trails, updated in the transaction that writes them: the clock flags
 * from case_clock, the acknowledgement and the response dates from notification_event.
 */
@Component
class DerivedFacts {

    static final String ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";
    static final String RESOLUTION = "RESOLUTION";
    static final String WRITTEN = "WRITTEN";
    static final String ORAL = "ORAL";

    private final ReadModel readModel;
    private final Clock clock;

    DerivedFacts(ReadModel readModel, Clock clock) {
        this.readModel = readModel;
        this.clock = clock;
    }

    @EventListener
    public void on(ClockChanged changed) {
        readModel.clockFlags(changed.caseNumber(), clock.instant());
    }

    @EventListener
    public void on(NotificationRecorded n) {
        if (ACKNOWLEDGEMENT.equals(n.kind())) {
            readModel.acknowledged(n.caseNumber(), n.mode(), n.notifiedAt(), clock.instant());
        } else if (RESOLUTION.equals(n.kind()) && WRITTEN.equals(n.mode())) {
            readModel.writtenResponse(n.caseNumber(), n.notifiedAt(), clock.instant());
        } else if (RESOLUTION.equals(n.kind()) && ORAL.equals(n.mode())) {
            readModel.oralResponse(n.caseNumber(), n.notifiedAt(), clock.instant());
        }
    }
}
