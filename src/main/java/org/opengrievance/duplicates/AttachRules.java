package org.opengrievance.duplicates;

import java.util.List;

import org.opengrievance.grievance.IssueLines;
import org.opengrievance.refusal.Refusal;
import org.springframework.stereotype.Component;

/**
 * May this contact be attached to that case? Only to one of the open cases it was shown (a person may not attach
 * to an arbitrary case), only while that case still takes a new issue, and only when one of its five issue lines
 * is free. Asked when the person completes the check and again when the attachment is written.
 */
@Component
class AttachRules {

    private final DuplicateRepository repository;
    private final OpenCaseIssues issues;

    AttachRules(DuplicateRepository repository, OpenCaseIssues issues) {
        this.repository = repository;
        this.issues = issues;
    }

    /** The issue line the contact would take on {@code target}; refused with the sentence the person reads. */
    int require(String contact, Object target) {
        if (target == null || target.toString().isBlank()) {
            throw Refusal.badField(DuplicateVariables.ATTACH_TO_CASE, "Choose the open case to attach this contact to.");
        }
        String openCase = target.toString().strip();
        List<String> listed = repository.listed(contact).stream().map(DuplicateCandidate::caseNumber).toList();
        if (!listed.contains(openCase)) {
            throw Refusal.badField(DuplicateVariables.ATTACH_TO_CASE, "Choose one of the open cases listed as possible"
                    + " duplicates: a contact can be attached only to one of them.");
        }
        if (!repository.stillOpen(openCase)) {
            throw Refusal.conflict(null, "That case no longer takes a new issue (it was closed or its response was"
                    + " approved): confirm this contact as a new case.");
        }
        return issues.nextFreeLine(openCase).orElseThrow(() -> Refusal.conflict(null, "That case already uses all "
                + IssueLines.MAX + " of its issue lines: confirm this contact as a new case instead."));
    }
}
