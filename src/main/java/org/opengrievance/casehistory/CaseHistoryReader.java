package org.opengrievance.casehistory;

import static org.opengrievance.casehistory.HistoryValues.at;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.opengrievance.access.PhiAccessLog;
import org.opengrievance.casehistory.CaseHistory.HistoryActivity;
import org.opengrievance.casehistory.CaseHistory.HistoryAssignment;
import org.opengrievance.casehistory.CaseHistory.HistoryDecision;
import org.opengrievance.casehistory.CaseHistory.HistoryFormSubmission;
import org.opengrievance.casehistory.CaseHistory.HistoryIncident;
import org.opengrievance.casehistory.CaseHistory.HistoryInstance;
import org.opengrievance.casehistory.CaseHistory.HistoryOperation;
import org.opengrievance.casehistory.CaseHistory.HistoryUserTask;
import org.opengrievance.grievance.CaseNotFoundException;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.GrievanceProcess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a case's story from the engine's public HistoryService, as the signed-in person: the engine's
 * authorizations for their groups decide what they see (auditors read all history, docs/security.md).
 * The case is found by the business key its instances carry ({@link org.opengrievance.grievance.CaseKey}):
 * the grievance's instance and, through {@code rootProcessInstanceId}, every instance it called.
 */
@Service
class CaseHistoryReader {

    static final String MULTI_INSTANCE_BODY = "multiInstanceBody";
    static final String ASSIGNEE = "assignee";
    static final String CANDIDATE = "candidate";

    private final HistoryService history;
    private final GrievanceCaseRepository cases;
    private final PhiAccessLog accessLog;

    CaseHistoryReader(HistoryService history, GrievanceCaseRepository cases, PhiAccessLog accessLog) {
        this.history = history;
        this.cases = cases;
        this.accessLog = accessLog;
    }

    /** One transaction with the access log's row: a read the log could not record fails. */
    @Transactional
    CaseHistory read(String caseNumber) {
        GrievanceCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        accessLog.caseRead(caseNumber, "history");
        ZoneId zone = ZoneId.of(c.facilityZone());

        List<HistoricProcessInstance> instances = instances(caseNumber);
        List<String> ids = instances.stream().map(HistoricProcessInstance::getId).toList();

        List<HistoricActivityInstance> activities = new ArrayList<>();
        List<UserOperationLogEntry> operations = new ArrayList<>();
        List<HistoricDecisionInstance> decisions = new ArrayList<>();
        List<HistoricIncident> incidents = new ArrayList<>();
        for (String id : ids) {
            activities.addAll(history.createHistoricActivityInstanceQuery().processInstanceId(id)
                    .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list());
            operations.addAll(history.createUserOperationLogQuery().processInstanceId(id).list());
            decisions.addAll(history.createHistoricDecisionInstanceQuery().processInstanceId(id).includeInputs()
                    .includeOutputs().disableBinaryFetching().disableCustomObjectDeserialization().list());
            incidents.addAll(history.createHistoricIncidentQuery().processInstanceId(id).list());
        }
        activities.sort(Comparator.comparing(HistoricActivityInstance::getStartTime));
        operations.sort(Comparator.comparing(UserOperationLogEntry::getTimestamp));
        incidents.sort(Comparator.comparing(HistoricIncident::getCreateTime));

        decisions.sort(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime));

        List<HistoricTaskInstance> tasks = instances.isEmpty() ? List.of()
                : history.createHistoricTaskInstanceQuery().rootProcessInstanceId(instances.get(0).getRootProcessInstanceId())
                        .orderByHistoricActivityInstanceStartTime().asc().list();
        Map<String, UserOperationLogEntry> completions = operations.stream()
                .filter(o -> UserOperationLogEntry.OPERATION_TYPE_COMPLETE.equals(o.getOperationType())
                        && o.getTaskId() != null)
                .collect(Collectors.toMap(UserOperationLogEntry::getTaskId, Function.identity(), (a, b) -> a));

        return new CaseHistory(caseNumber, zone.getId(),
                instances.stream().map(i -> instance(i, zone)).toList(),
                activities.stream().map(a -> activity(a, zone)).toList(),
                counts(activities),
                tasks.stream().map(t -> task(t, completions.get(t.getId()), zone)).toList(),
                submissions(ids, tasks, operations, completions, instances, zone),
                decisions.stream().map(d -> decision(d, zone)).toList(),
                incidents.stream().map(i -> incident(i, zone)).toList(),
                operations.stream().map(o -> operation(o, zone)).toList());
    }

    /** The grievance of the case and every instance below it, oldest first. */
    private List<HistoricProcessInstance> instances(String caseNumber) {
        List<HistoricProcessInstance> roots = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).processDefinitionKey(GrievanceProcess.KEY).list();
        List<HistoricProcessInstance> all = new ArrayList<>();
        for (HistoricProcessInstance root : roots) {
            all.addAll(history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root.getId()).list());
        }
        all.sort(Comparator.comparing(HistoricProcessInstance::getStartTime)
                .thenComparing(i -> i.getSuperProcessInstanceId() == null ? 0 : 1)
                .thenComparing(HistoricProcessInstance::getId));
        return all;
    }

    private static Map<String, Map<String, Long>> counts(List<HistoricActivityInstance> activities) {
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (HistoricActivityInstance a : activities) {
            if (!MULTI_INSTANCE_BODY.equals(a.getActivityType())) {
                counts.computeIfAbsent(a.getProcessDefinitionId(), k -> new TreeMap<>())
                        .merge(a.getActivityId(), 1L, Long::sum);
            }
        }
        return counts;
    }

    private HistoryUserTask task(HistoricTaskInstance t, UserOperationLogEntry completion, ZoneId zone) {
        List<HistoricIdentityLinkLog> links = history.createHistoricIdentityLinkLogQuery().taskId(t.getId())
                .orderByTime().asc().list();
        List<HistoryAssignment> assignments = links.stream().filter(l -> ASSIGNEE.equals(l.getType()))
                .map(l -> new HistoryAssignment(at(l.getTime(), zone), l.getUserId(), l.getAssignerId(), l.getOperationType()))
                .toList();
        List<String> groups = links.stream().filter(l -> CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(HistoricIdentityLinkLog::getGroupId).distinct().toList();
        HistoryAssignment held = null;
        for (HistoryAssignment a : assignments) {
            if ("add".equals(a.operation())) {
                held = a;
            } else if (held != null && Objects.equals(held.assignee(), a.assignee())) {
                held = null;
            }
        }
        String claimedBy = held != null ? held.assignee() : t.getAssignee();
        return new HistoryUserTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getProcessInstanceId(),
                t.getProcessDefinitionId(), at(t.getStartTime(), zone), at(t.getDueDate(), zone), groups, claimedBy,
                held != null ? held.at() : null, completion == null ? null : completion.getUserId(),
                completion != null ? at(completion.getTimestamp(), zone)
                        : "completed".equals(t.getDeleteReason()) ? at(t.getEndTime(), zone) : null,
                at(t.getEndTime(), zone), t.getDurationInMillis(), t.getDeleteReason(), assignments);
    }

    /**
     * What each form submission carried: the form fields the engine recorded for a task or a start form, or, for a
     * task completed without a form (the API, the engine's own callers), the variables its completion set.
     */
    private List<HistoryFormSubmission> submissions(List<String> ids, List<HistoricTaskInstance> tasks,
            List<UserOperationLogEntry> operations, Map<String, UserOperationLogEntry> completions,
            List<HistoricProcessInstance> instances, ZoneId zone) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] idArray = ids.toArray(String[]::new);
        Map<String, String> taskNames = tasks.stream()
                .collect(Collectors.toMap(HistoricTaskInstance::getId, HistoricTaskInstance::getName, (a, b) -> a));
        Map<String, String> operators = new LinkedHashMap<>();
        operations.forEach(o -> operators.putIfAbsent(o.getOperationId(), o.getUserId()));
        Map<String, String> starters = instances.stream().filter(i -> i.getStartUserId() != null)
                .collect(Collectors.toMap(HistoricProcessInstance::getId, HistoricProcessInstance::getStartUserId));

        Map<String, List<HistoricDetail>> groups = new LinkedHashMap<>();
        for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceIdIn(idArray).formFields()
                .orderByTime().asc().list()) {
            groups.computeIfAbsent(d.getTaskId() != null ? "task:" + d.getTaskId()
                    : "start:" + d.getProcessInstanceId() + ":" + d.getUserOperationId(), k -> new ArrayList<>()).add(d);
        }
        Set<String> withForm = groups.keySet();
        Map<String, String> completedWithoutForm = new LinkedHashMap<>();
        completions.forEach((taskId, op) -> {
            if (!withForm.contains("task:" + taskId) && op.getOperationId() != null) {
                completedWithoutForm.put(op.getOperationId(), taskId);
            }
        });
        if (!completedWithoutForm.isEmpty()) {
            for (HistoricDetail d : history.createHistoricDetailQuery().processInstanceIdIn(idArray).variableUpdates()
                    .disableBinaryFetching().disableCustomObjectDeserialization().orderByTime().asc().list()) {
                String taskId = completedWithoutForm.get(d.getUserOperationId());
                if (taskId != null) {
                    groups.computeIfAbsent("task:" + taskId, k -> new ArrayList<>()).add(d);
                }
            }
        }
        List<HistoryFormSubmission> submissions = new ArrayList<>();
        groups.forEach((key, details) -> {
            HistoricDetail first = details.get(0);
            String taskId = key.startsWith("task:") ? key.substring(5) : null;
            Map<String, Object> values = new LinkedHashMap<>();
            for (HistoricDetail d : details) {
                if (d instanceof HistoricFormField f) {
                    values.put(f.getFieldId(), HistoryValues.plain(f.getFieldValue(), zone));
                } else if (d instanceof HistoricVariableUpdate v) {
                    values.put(v.getVariableName(), HistoryValues.plain(v.getTypedValue(), zone));
                }
            }
            String by = first.getUserOperationId() != null ? operators.get(first.getUserOperationId()) : null;
            if (by == null && taskId != null && completions.containsKey(taskId)) {
                by = completions.get(taskId).getUserId();
            }
            if (by == null && taskId == null) {
                by = starters.get(first.getProcessInstanceId());
            }
            submissions.add(new HistoryFormSubmission(taskId, taskId == null ? null : taskNames.get(taskId),
                    first.getProcessInstanceId(), first.getActivityInstanceId(), at(first.getTime(), zone), by, values));
        });
        submissions.sort(Comparator.comparing(HistoryFormSubmission::submittedAt));
        return submissions;
    }

    private static HistoryInstance instance(HistoricProcessInstance i, ZoneId zone) {
        return new HistoryInstance(i.getId(), i.getProcessDefinitionId(), i.getProcessDefinitionKey(),
                i.getProcessDefinitionName(), i.getProcessDefinitionVersion(), i.getSuperProcessInstanceId(),
                i.getState(), at(i.getStartTime(), zone), at(i.getEndTime(), zone), i.getDurationInMillis(),
                i.getStartUserId(), i.getDeleteReason());
    }

    private static HistoryActivity activity(HistoricActivityInstance a, ZoneId zone) {
        return new HistoryActivity(a.getId(), a.getActivityId(), a.getActivityName(), a.getActivityType(),
                a.getProcessInstanceId(), a.getProcessDefinitionId(), at(a.getStartTime(), zone),
                at(a.getEndTime(), zone), a.getDurationInMillis(), a.isCanceled(), a.getTaskId(),
                a.getCalledProcessInstanceId());
    }

    private static HistoryDecision decision(HistoricDecisionInstance d, ZoneId zone) {
        return new HistoryDecision(d.getId(), d.getDecisionDefinitionKey(), d.getDecisionDefinitionName(),
                d.getDecisionDefinitionId(), at(d.getEvaluationTime(), zone), d.getProcessInstanceId(),
                d.getActivityId(), d.getActivityInstanceId(),
                d.getInputs().stream().map(in -> new CaseHistory.HistoryDecisionInput(in.getClauseId(), in.getClauseName(),
                        in.getTypeName(), HistoryValues.plain(in.getTypedValue(), zone))).toList(),
                d.getOutputs().stream().map(out -> new CaseHistory.HistoryDecisionOutput(out.getClauseId(), out.getClauseName(),
                        out.getVariableName(), out.getTypeName(), HistoryValues.plain(out.getTypedValue(), zone),
                        out.getRuleId(), out.getRuleOrder())).toList());
    }

    private static HistoryIncident incident(HistoricIncident i, ZoneId zone) {
        String state = i.isOpen() ? "open" : i.isResolved() ? "resolved" : i.isDeleted() ? "deleted" : "unknown";
        return new HistoryIncident(i.getId(), i.getIncidentType(), i.getIncidentMessage(), i.getActivityId(),
                i.getProcessInstanceId(), at(i.getCreateTime(), zone), at(i.getEndTime(), zone), state,
                i.getCauseIncidentId());
    }

    private static HistoryOperation operation(UserOperationLogEntry o, ZoneId zone) {
        return new HistoryOperation(o.getId(), o.getOperationId(), at(o.getTimestamp(), zone), o.getUserId(),
                o.getOperationType(), o.getEntityType(), o.getCategory(), o.getProperty(), o.getOrgValue(),
                o.getNewValue(), o.getTaskId(), o.getProcessInstanceId(), o.getAnnotation());
    }
}
