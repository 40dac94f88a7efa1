package org.opengrievance.record;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.opengrievance.duplicates.DuplicateVariables;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.GrievanceProcess;
import org.opengrievance.grievance.InvestigationProcess;
import org.opengrievance.regime.Regime;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The steps of a case that are activities rather than tasks: registration, routing, the investigation's return,
 * withdrawal and closure, from the execution events the Camunda starter publishes inside the engine's transaction
 * ({@code camunda.bpm.eventing.execution}). What each step decided is read from the case record it wrote, or
 * from the variable the model's contract names (docs/model-contract.md); nothing is changed on the process.
 */
@Component
class ProcessTrail {

    /** The service tasks that close a case (delegate {@code closeCase}). */
    static final Set<String> CLOSING = Set.of(GrievanceProcess.CLOSE_COMPLAINT, GrievanceProcess.RECORD_CLOSURE,
            GrievanceProcess.RECORD_WITHDRAWN_CLOSURE,
            GrievanceProcess.RECORD_RECLASSIFIED_CLOSURE, GrievanceProcess.CLOSE_NON_GRIEVANCE,
            GrievanceProcess.CLOSE_HAND_OFF, GrievanceProcess.CLOSE_INQUIRY,
            DuplicateVariables.CLOSE_ATTACHED_CONTACT);
    static final String RESOLVED_AT_POINT_OF_CARE = "RESOLVED_AT_POINT_OF_CARE";

    private final CaseEvents events;
    private final ReadModel readModel;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessTrail(CaseEvents events, ReadModel readModel, JdbcClient jdbc, Clock clock) {
        this.events = events;
        this.readModel = readModel;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    public void on(DelegateExecution execution) {
        String activity = execution.getCurrentActivityId();
        String caseNumber = execution.getProcessBusinessKey();
        if (activity == null || caseNumber == null || caseNumber.isBlank()) {
            return;
        }
        boolean end = ExecutionListener.EVENTNAME_END.equals(execution.getEventName());
        if (end && GrievanceProcess.REGISTER_CASE.equals(activity)) {
            registered(caseNumber, execution);
        } else if (end && InvestigationProcess.ROUTE_TO_DEPARTMENT.equals(activity)) {
            routed(caseNumber, execution);
        } else if (end && GrievanceProcess.INVESTIGATE.equals(activity)) {
            returned(caseNumber, execution);
        } else if (!end && GrievanceProcess.WITHDRAWAL.equals(activity)) {
            withdrawn(caseNumber, execution);
        } else if (end && CLOSING.contains(activity)) {
            closed(caseNumber);
        }
    }

    /** registerCase wrote the case row and its clocks: the regimes, and who logged it through which channel. */
    private void registered(String caseNumber, DelegateExecution execution) {
        List<String> regimes = jdbc.sql("SELECT regime FROM case_clock WHERE case_number = ?").param(caseNumber)
                .query(String.class).list().stream()
                .sorted((a, b) -> Integer.compare(order(a), order(b))).toList();
        var row = jdbc.sql("""
                SELECT channel, received_at, created_by, facility_zone FROM grievance_case WHERE case_number = ?
                """).param(caseNumber)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class)
                        .atZoneSameInstant(ZoneId.of(rs.getString(4))).toOffsetDateTime(), rs.getString(3)})
                .optional();
        if (row.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        readModel.registered(caseNumber, String.join(",", regimes), now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("channel", row.get()[0]);
        detail.put("receivedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) row.get()[1]));
        detail.put("regimes", regimes);
        String actor = (String) row.get()[2];
        events.appendAfterReadModel(caseNumber, CaseEventKind.INTAKE, now, actor != null ? actor : signedIn(execution),
                (String) row.get()[0], detail);
    }

    private static int order(String regime) {
        try {
            return Regime.valueOf(regime).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** routeToDepartment: the decision's department, recorded with the decision as the actor. */
    private void routed(String caseNumber, DelegateExecution execution) {
        String department = text(execution.getVariable(InvestigationProcess.DEPARTMENT));
        if (department == null) {
            return;
        }
        Instant now = clock.instant();
        readModel.department(caseNumber, department, now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("department", department);
        detail.put("decision", "DepartmentRouting");
        detail.put("signedIn", signedIn(execution));
        events.appendAfterReadModel(caseNumber, CaseEventKind.DEPARTMENT_ASSIGNED, now, "decision:DepartmentRouting",
                department, detail);
    }

    /** investigate ended: what the investigation handed back (camunda:out) is what the case record keeps. */
    private void returned(String caseNumber, DelegateExecution execution) {
        Instant now = clock.instant();
        readModel.returned(caseNumber, text(execution.getVariable(InvestigationProcess.DEPARTMENT)),
                text(execution.getVariable(InvestigationProcess.HCAT_CATEGORY)),
                text(execution.getVariable(InvestigationProcess.HCAT_SEVERITY)),
                text(execution.getVariable(InvestigationProcess.HARM_LEVEL)), now);
    }

    /** The withdrawal message started the withdrawal sub-process: withdrawn now, as the signed-in user recorded. */
    private void withdrawn(String caseNumber, DelegateExecution execution) {
        Instant now = clock.instant();
        readModel.withdrawn(caseNumber, now);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("noteRecorded", text(execution.getVariable(GrievanceProcess.WITHDRAWAL_NOTE)) != null);
        events.appendAfterReadModel(caseNumber, CaseEventKind.WITHDRAWN, now, signedIn(execution), null, detail);
    }

    /** closeCase wrote the closure; a complaint resolved at the point of care is resolved by what staff did then. */
    private void closed(String caseNumber) {
        record Closure(String reason, String note, OffsetDateTime at, String by) {
        }
        jdbc.sql("SELECT closure_reason, closure_note, closed_at, closed_by FROM grievance_case WHERE case_number = ?")
                .param(caseNumber)
                .query((rs, i) -> new Closure(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4)))
                .optional().filter(c -> c.at() != null).ifPresent(c -> {
                    Instant at = c.at().toInstant();
                    boolean resolved = RESOLVED_AT_POINT_OF_CARE.equals(c.reason());
                    if (resolved) {
                        readModel.resolved(caseNumber, at, c.note());
                    }
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("reason", c.reason());
                    detail.put("noteRecorded", c.note() != null && !c.note().isBlank());
                    if (resolved) {
                        events.appendAfterReadModel(caseNumber, CaseEventKind.CLOSED, at, c.by(), c.reason(), detail);
                    } else {
                        events.append(caseNumber, CaseEventKind.CLOSED, at, c.by(), c.reason(), detail);
                    }
                });
    }

    private static String signedIn(DelegateExecution execution) {
        return Actors.current(execution.getProcessEngineServices().getIdentityService());
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
