package org.opengrievance.record;

import java.util.LinkedHashMap;
import java.util.Map;

import org.opengrievance.duplicates.DuplicateDecided;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The duplicate check on the timelines (E7): a contact confirmed new names the cases it was shown; a contact
 * attached to an open case is recorded on both, each naming the other and the issue line it became.
 */
@Component
class DuplicateTrail {

    private final CaseEvents events;

    DuplicateTrail(CaseEvents events) {
        this.events = events;
    }

    @EventListener
    public void on(DuplicateDecided d) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("candidates", d.candidates());
        if (!d.attached()) {
            events.append(d.caseNumber(), CaseEventKind.CONFIRMED_NEW, d.at(), d.actor(), null, detail);
            return;
        }
        detail.put("openCase", d.attachedTo());
        detail.put("issueLine", d.issueLine());
        events.append(d.caseNumber(), CaseEventKind.ATTACHED_TO_CASE, d.at(), d.actor(), d.attachedTo(), detail);
        Map<String, Object> onOpenCase = new LinkedHashMap<>();
        onOpenCase.put("contact", d.caseNumber());
        onOpenCase.put("issueLine", d.issueLine());
        events.append(d.attachedTo(), CaseEventKind.CONTACT_ATTACHED, d.at(), d.actor(), d.caseNumber(), onOpenCase);
    }
}
