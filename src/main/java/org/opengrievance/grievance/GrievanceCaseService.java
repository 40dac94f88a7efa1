package org.opengrievance.grievance;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.regime.Regime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a case with its live engine state, and carries out events on a running case. */
@Service
public class GrievanceCaseService {

    public static final String WITHDRAWAL_MESSAGE = "GrievanceWithdrawn";

    private final GrievanceCaseRepository cases;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CaseDeadlines clocks;
    private final LinkedCases links;

    GrievanceCaseService(GrievanceCaseRepository cases, RuntimeService runtime, TaskService tasks,
            CaseDeadlines clocks, LinkedCases links) {
        this.clocks = clocks;
        this.links = links;
        this.cases = cases;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Transactional(readOnly = true)
    public CaseView view(String caseNumber) {
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        ZoneId zone = ZoneId.of(c.facilityZone());
        boolean open = GrievanceCase.OPEN.equals(c.status());
        List<CaseView.Deadline> deadlines = clocks.of(caseNumber);
        CaseView.Closure closure = open ? null
                : new CaseView.Closure(c.closureReason(), c.closureNote(), c.closedAt(), c.closedBy());
        List<String> activities = open && isRunning(c.processInstanceId())
                ? runtime.getActiveActivityIds(c.processInstanceId()) : List.of();
        List<CaseView.OpenTask> openTasks = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .orderByTaskCreateTime().asc().list().stream()
                .map(t -> openTask(t, zone)).toList();
        return new CaseView(c.caseNumber(), c.status(), c.channel(), c.receivedAt(), zone.getId(),
                new CaseView.Classification(c.suggestedClassification(), c.classification(),
                        c.classificationReason(), c.classificationRule(), cases.route(caseNumber).orElse(null),
                        cases.classificationHistory(caseNumber), cases.pointOfCare(caseNumber).orElse(null)),
                cases.handOff(caseNumber, handOffZone(caseNumber, zone)).orElse(null), deadlines, closure, activities, openTasks,
                links.of(caseNumber, zone));
    }

    /** A hand-off runs on the plan's clock, in the plan's zone (E10). */
    private ZoneId handOffZone(String caseNumber, ZoneId facilityZone) {
        return clocks.of(caseNumber).stream().filter(k -> Regime.valueOf(k.regime()).isPlan())
                .map(k -> ZoneId.of(k.zone())).findFirst().orElse(facilityZone);
    }

    /** The patient withdrew: the process's withdrawal path stops the response work (E6). */
    @Transactional
    public CaseView withdraw(String caseNumber, String note) {
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        if (!GrievanceCase.OPEN.equals(c.status()) || !isRunning(c.processInstanceId())) {
            throw new CaseStateException("Case " + caseNumber + " is closed; it cannot be withdrawn.");
        }
        runtime.createMessageCorrelation(WITHDRAWAL_MESSAGE)
                .processInstanceId(c.processInstanceId())
                .setVariable("withdrawalNote", note)
                .correlate();
        return view(caseNumber);
    }

    private boolean isRunning(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 1;
    }

    private CaseView.OpenTask openTask(Task t, ZoneId zone) {
        List<String> groups = tasks.getIdentityLinksForTask(t.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId).toList();
        OffsetDateTime due = t.getDueDate() == null ? null : t.getDueDate().toInstant().atZone(zone).toOffsetDateTime();
        return new CaseView.OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), groups, t.getAssignee(), due);
    }
}
