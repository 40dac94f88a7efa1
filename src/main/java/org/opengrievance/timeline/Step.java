package org.opengrievance.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** One event of the timeline before it is ordered and written out; {@code id} is its row's id in its own trail. */
record Step(Instant at, ZoneId zone, String kind, String actor, Map<String, Object> details, long id) {
}
