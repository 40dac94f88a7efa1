package org.opengrievance.duplicates;

import java.time.Clock;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.CaseKey;
import org.opengrievance.refusal.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Complete listener of {@code checkPossibleDuplicates}: the person says the contact is a new case, or names the
 * listed open case it belongs to. An attachment is refused here, with the task still open, when the case was not
 * listed, no longer takes a new issue, or has no free issue line ({@link AttachRules}); {@code attachToOpenCase}
 * then writes it. A new case is recorded here with the person. Either way the candidates' lines and options leave
 * the process: no later form shows them.
 */
@Component("checkDuplicateDecision")
class DuplicateDecisionListener implements TaskListener {

    private final AttachRules rules;
    private final DuplicateRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DuplicateDecisionListener(AttachRules rules, DuplicateRepository repository, ApplicationEventPublisher events,
            Clock clock) {
        this.rules = rules;
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String contact = CaseKey.of(task);
        Object decision = task.getVariable(DuplicateVariables.DECISION);
        if (DuplicateVariables.ATTACH.equals(decision)) {
            rules.require(contact, task.getVariable(DuplicateVariables.ATTACH_TO_CASE));
        } else if (DuplicateVariables.NEW.equals(decision)) {
            String actor = Actors.of(task);
            repository.decided(contact, DuplicateRepository.NEW, null, actor, clock.instant());
            events.publishEvent(new DuplicateDecided(contact, listed(contact), null, null, actor, clock.instant()));
        } else {
            throw Refusal.badField(DuplicateVariables.DECISION,
                    "Say whether this contact is about one of the open cases listed, or is a new case.");
        }
        task.getExecution().removeVariable(DuplicateVariables.POSSIBLE_DUPLICATES_TEXT);
        task.getExecution().removeVariable(DuplicateVariables.CANDIDATE_OPTIONS);
    }

    private java.util.List<String> listed(String contact) {
        return repository.listed(contact).stream().map(DuplicateCandidate::caseNumber).toList();
    }
}
