package org.opengrievance.handoff;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.clock.ClockState;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.refusal.Refusal;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Service task {@code openHandOff}: a plan contact that is a coverage request, an appeal or an inquiry leaves the
 * grievance procedure (MA-1). Its grievance clocks stop; a coverage request or appeal gets the appeals team's
 * deadline from {@code HandOffDeadline}, counted from the plan's original receipt (E5), which the procedure notice
 * and the hand-off task carry. An inquiry keeps the date its grievance answer would have had.
 */
@Component("openHandOff")
class OpenHandOffDelegate implements JavaDelegate {

    private final CaseClocks clocks;
    private final JavaDelegate stopClocks;
    private final HandOffPolicies policies;
    private final GrievanceCaseRepository cases;

    /** {@code stopClocks}: the main process's own step, so that a hand-off stops its clocks the way a response does. */
    OpenHandOffDelegate(CaseClocks clocks, @Qualifier("stopClocks") JavaDelegate stopClocks, HandOffPolicies policies,
            GrievanceCaseRepository cases) {
        this.clocks = clocks;
        this.stopClocks = stopClocks;
        this.policies = policies;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        String caseNumber = CaseKey.of(execution);
        String track = (String) execution.getVariable(GrievanceProcess.CLASSIFICATION);
        List<ClockState> all = clocks.of(caseNumber);
        ClockState plan = all.stream().filter(c -> c.regime().isPlan())
                .min(Comparator.comparing(ClockState::receivedAt))
                .orElseThrow(() -> new IllegalStateException("a plan procedure without a plan clock"));
        ZoneId zone = plan.zone();
        Instant due;
        String citation;
        if ("INQUIRY".equals(track)) {
            due = plan.bindingDueAt();
            citation = "MA-1: an inquiry, answered by the date a grievance answer would be due";
        } else {
            HandOffPolicy policy = policies.find(plan.regime().name(), track).orElseThrow(() -> Refusal.conflict(
                    HandOffPolicies.DECISION, "The decision table " + HandOffPolicies.DECISION + " has no rule for "
                            + plan.regime() + " " + track + ": a director adds one."));
            due = policy.dueAt(plan.receivedAt(), zone);
            citation = policy.citation();
        }
        stopClocks.execute(execution);
        cases.saveHandOff(caseNumber, due.atZone(zone).toOffsetDateTime(), citation);
        execution.setVariable(GrievanceProcess.HAND_OFF_DUE_AT, Date.from(due));
        execution.setVariable(GrievanceProcess.HAND_OFF_DUE_DISPLAY, CaseClocks.display(due, zone));
        execution.setVariable(GrievanceProcess.HAND_OFF_CITATION, citation);
    }
}
