package org.opengrievance.record;

import java.util.LinkedHashMap;
import java.util.Map;

import org.opengrievance.relink.CaseLinked;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A case that arose from another ({@code relink.CaseLinked}): one timeline event on each case, naming the other,
 * the kind of link and the new case's track; the person who made the change is the actor. The reason stays in
 * the link (free text of a person is not a detail).
 */
@Component
class LinkTrail {

    private final CaseEvents events;

    LinkTrail(CaseEvents events) {
        this.events = events;
    }

    @EventListener
    public void on(CaseLinked link) {
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("link", link.kind().name());
        to.put("case", link.toCase());
        to.put("classification", link.classification().name());
        events.append(link.fromCase(), CaseEventKind.LINKED_TO, link.at(), link.actor(), link.toCase(), to);
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("link", link.kind().name());
        from.put("case", link.fromCase());
        from.put("classification", link.classification().name());
        from.put("atRisk", link.atRisk());
        events.append(link.toCase(), CaseEventKind.LINKED_FROM, link.at(), link.actor(), link.fromCase(), from);
    }
}
