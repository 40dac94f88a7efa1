package org.opengrievance.grievance;

import java.time.ZoneId;
import java.util.List;

/**
 * The cases a case is linked to: a later conversion, a reclassification or a split (package relink keeps them).
 * An interface here so that the case view can show them without this package depending on that one.
 */
public interface LinkedCases {

    /** Every link of the case, either end, oldest first, instants in {@code zone}. */
    List<CaseView.Link> of(String caseNumber, ZoneId zone);
}
