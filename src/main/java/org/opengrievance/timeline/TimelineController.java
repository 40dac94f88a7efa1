package org.opengrievance.timeline;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The regulatory timeline of a case, for auditors' tools and the Cockpit plugin's "Regulatory timeline" tab. */
@RestController
class TimelineController {

    private final TimelineService timelines;

    TimelineController(TimelineService timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/api/grievances/{caseNumber}/timeline")
    Timeline timeline(@PathVariable String caseNumber) {
        return timelines.read(caseNumber);
    }
}
