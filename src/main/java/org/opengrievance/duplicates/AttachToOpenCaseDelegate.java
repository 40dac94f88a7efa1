package org.opengrievance.duplicates;

import java.time.Instant;
import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.grievance.IssueLines;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Service task {@code attachToOpenCase}: the contact's complaint becomes the next free issue line of the open case
 * the person chose (checked again: {@link AttachRules}), so that the open case's answer addresses it; the contact
 * points at that case. The model then stops the contact's clocks and closes it {@code DUPLICATE_ATTACHED}.
 */
@Component("attachToOpenCase")
class AttachToOpenCaseDelegate implements JavaDelegate {

    private final AttachRules rules;
    private final OpenCaseIssues issues;
    private final DuplicateRepository repository;
    private final GrievanceCaseRepository cases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AttachToOpenCaseDelegate(AttachRules rules, OpenCaseIssues issues, DuplicateRepository repository,
            GrievanceCaseRepository cases, ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.issues = issues;
        this.repository = repository;
        this.cases = cases;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String contact = CaseKey.of(execution);
        int line = rules.require(contact, execution.getVariable(DuplicateVariables.ATTACH_TO_CASE));
        String openCase = execution.getVariable(DuplicateVariables.ATTACH_TO_CASE).toString().strip();
        String complaint = cases.findByCaseNumber(contact).orElseThrow().complaintText();
        issues.write(openCase, line, IssueLines.initial(complaint));
        String actor = Actors.current(execution.getProcessEngineServices().getIdentityService());
        Instant now = clock.instant();
        repository.decided(contact, DuplicateRepository.ATTACHED, openCase, actor, now);
        events.publishEvent(new DuplicateDecided(contact,
                repository.listed(contact).stream().map(DuplicateCandidate::caseNumber).toList(), openCase, line,
                actor, now));
    }
}
