package org.opengrievance.grievance;

import java.util.List;

/**
 * The deadlines the case view shows, one per clock of the case. The clock feature provides them
 * ({@code clock.ClockDeadlines}): the clocks depend on the case, not the other way round.
 */
public interface CaseDeadlines {

    List<CaseView.Deadline> of(String caseNumber);
}
