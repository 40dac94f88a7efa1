package org.opengrievance.duplicates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.opengrievance.grievance.InvestigationProcess;
import org.opengrievance.grievance.IssueLines;
import org.springframework.stereotype.Component;

/**
 * The issue lines {@code issue1..issue5} of an open case, where the case works with them now: in its running
 * investigation (the investigator's forms show them there and the call activity hands them back, so a line set
 * only on the main process would be overwritten on return), otherwise on the main process (confirm
 * classification, acknowledgement, the draft and its approval show them there). A new line is written to both
 * when the investigation runs, so that each scope shows the same lines.
 */
@Component
class OpenCaseIssues {

    private final RuntimeService runtime;
    private final DuplicateRepository repository;

    OpenCaseIssues(RuntimeService runtime, DuplicateRepository repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    /** The first issue line of the case that holds no text yet; empty when all five are used. */
    OptionalInt nextFreeLine(String caseNumber) {
        Map<String, Object> lines = runtime.getVariables(scopes(caseNumber).get(0), names());
        for (int n = 1; n <= IssueLines.MAX; n++) {
            Object issue = lines.get("issue" + n);
            if (issue == null || issue.toString().isBlank()) {
                return OptionalInt.of(n);
            }
        }
        return OptionalInt.empty();
    }

    /** Writes {@code text} as issue line {@code n} of the case. */
    void write(String caseNumber, int n, String text) {
        for (String scope : scopes(caseNumber)) {
            runtime.setVariable(scope, "issue" + n, text);
        }
    }

    /** The running investigation first (when there is one), then the case's own process. */
    private List<String> scopes(String caseNumber) {
        String main = repository.processInstanceId(caseNumber);
        List<String> scopes = new ArrayList<>();
        ProcessInstance investigation = runtime.createProcessInstanceQuery().superProcessInstanceId(main)
                .processDefinitionKey(InvestigationProcess.KEY).singleResult();
        if (investigation != null) {
            scopes.add(investigation.getId());
        }
        scopes.add(main);
        return scopes;
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= IssueLines.MAX; n++) {
            names.add("issue" + n);
        }
        return names;
    }
}
