package org.opengrievance.gate;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/** Moves a case along as the system (no user), for tests that start in the middle of the lifecycle. */
final class SecurityTasks {

    private SecurityTasks() {
    }

    static Task toInvestigation(TaskService tasks, String caseNumber) {
        tasks.complete(task(tasks, caseNumber, "confirmClassification").getId(), Map.of("classification", "GRIEVANCE"));
        tasks.complete(task(tasks, caseNumber, "acknowledgeReceipt").getId(), Map.of("acknowledgedVia", "PHONE"));
        return task(tasks, caseNumber, "gatherFindings");
    }

    static Task task(TaskService tasks, String caseNumber, String key) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).singleResult();
    }
}
