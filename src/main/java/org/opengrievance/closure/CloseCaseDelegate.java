package org.opengrievance.closure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opengrievance.duplicates.DuplicateVariables;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.springframework.stereotype.Component;

/**
 * Service tasks {@code closeComplaint}, {@code recordClosure} and {@code recordWithdrawnClosure}: write
 * the closure (reason, note, time, person) to the case record. The model fixes the reason where the path
 * implies it (input parameter {@code closureReason}); otherwise the close-grievance form chose it.
 */
@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

    private final GrievanceCaseRepository cases;
    private final Clock clock;

    CloseCaseDelegate(GrievanceCaseRepository cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = (String) execution.getVariable(GrievanceProcess.CLOSURE_REASON);
        String note = switch (reason) {
            case "RESOLVED_AT_POINT_OF_CARE" -> (String) execution.getVariable(GrievanceProcess.POINT_OF_CARE_RESOLUTION);
            case "NOT_A_GRIEVANCE" -> "Routed to " + execution.getVariable(GrievanceProcess.ROUTE);
            case "HANDED_OFF" -> "Handed off to the appeals team, reference "
                    + execution.getVariable(GrievanceProcess.HAND_OFF_REFERENCE);
            case DuplicateVariables.DUPLICATE_ATTACHED -> "Attached to the open case "
                    + execution.getVariable(DuplicateVariables.ATTACH_TO_CASE) + " as a new issue";
            case "WITHDRAWN" -> firstText(execution, GrievanceProcess.WITHDRAWAL_NOTE, GrievanceProcess.CLOSURE_EFFORTS_NOTE);
            default -> (String) execution.getVariable(GrievanceProcess.CLOSURE_EFFORTS_NOTE);
        };
        ZoneId zone = ZoneId.of((String) execution.getVariable(GrievanceProcess.FACILITY_ZONE));
        String by = Actors.current(execution.getProcessEngineServices().getIdentityService());
        cases.close(CaseKey.of(execution), reason, note,
                OffsetDateTime.now(clock.withZone(zone)), by);
    }

    private static String firstText(DelegateExecution execution, String... names) {
        for (String name : names) {
            Object value = execution.getVariable(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }
}
