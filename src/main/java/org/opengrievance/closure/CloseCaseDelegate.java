package org.opengrievance.closure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.GrievanceCaseRepository;
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
        String reason = (String) execution.getVariable("closureReason");
        String note = switch (reason) {
            case "RESOLVED_AT_POINT_OF_CARE" -> (String) execution.getVariable("pointOfCareResolution");
            case "WITHDRAWN" -> firstText(execution, "withdrawalNote", "closureEffortsNote");
            default -> (String) execution.getVariable("closureEffortsNote");
        };
        ZoneId zone = ZoneId.of((String) execution.getVariable("facilityZone"));
        String by = Actors.current(execution.getProcessEngineServices().getIdentityService());
        cases.close((String) execution.getVariable("caseNumber"), reason, note,
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
