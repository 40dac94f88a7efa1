package org.opengrievance.clock;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.springframework.stereotype.Component;

/**
 * The case's response deadline as its clocks set it: the earliest binding deadline of a clock that still runs
 * is the due date of the case's tasks, that clock's reminder their follow-up date. When a clock changes, the
 * case record, the processes' copies and the open tasks that carried the old deadline move with it.
 */
@Component
class CaseDueDates {

    private final CaseClockRepository clocks;
    private final GrievanceCaseRepository cases;
    private final DeadlinePolicies policies;
    private final RuntimeService runtime;
    private final TaskService tasks;

    CaseDueDates(CaseClockRepository clocks, GrievanceCaseRepository cases, DeadlinePolicies policies,
            RuntimeService runtime, TaskService tasks) {
        this.clocks = clocks;
        this.cases = cases;
        this.policies = policies;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    static Optional<Instant> governing(List<ClockState> all) {
        return all.stream().filter(c -> c.stoppedAt() == null).map(ClockState::bindingDueAt)
                .min(Comparator.naturalOrder());
    }

    Optional<Instant> followUp(List<ClockState> all) {
        return all.stream().filter(c -> c.stoppedAt() == null).min(Comparator.comparing(ClockState::bindingDueAt))
                .map(c -> ClockService.timers(c, policies.require(c.regime(), c.kind())).reminderAt());
    }

    /** Moves the case's response deadline (case record, process variables, open tasks that carried the old one). */
    void sync(String caseNumber) {
        Optional<Instant> governing = governing(clocks.findAll(caseNumber));
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        if (governing.isEmpty()) {
            return;
        }
        Date newDue = Date.from(governing.get());
        ZoneId zone = ZoneId.of(c.facilityZone());
        Date oldDue = Date.from(c.responseDueAt().toInstant());
        cases.updateResponseDue(caseNumber, governing.get().atZone(zone).toOffsetDateTime());
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(pi -> {
            if (runtime.getVariable(pi.getId(), GrievanceProcess.RESPONSE_DUE_AT) != null) {
                runtime.setVariable(pi.getId(), GrievanceProcess.RESPONSE_DUE_AT, newDue);
                runtime.setVariable(pi.getId(), GrievanceProcess.RESPONSE_DUE_DISPLAY,
                        ClockDisplay.display(governing.get(), zone));
            }
        });
        Date followUp = followUp(clocks.findAll(caseNumber)).map(Date::from).orElse(null);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list().forEach(pi -> {
            if (runtime.getVariable(pi.getId(), GrievanceProcess.RESPONSE_FOLLOW_UP_AT) != null) {
                runtime.setVariable(pi.getId(), GrievanceProcess.RESPONSE_FOLLOW_UP_AT, followUp);
            }
        });
        for (Task t : tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).list()) {
            if (oldDue.equals(t.getDueDate())) {
                t.setDueDate(newDue);
                t.setFollowUpDate(followUp);
                tasks.saveTask(t);
            }
        }
    }
}
