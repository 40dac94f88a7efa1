package org.opengrievance.record;

/** The kinds of rows of table {@code case_event} (docs/read-model.md says what each row holds). */
public enum CaseEventKind {
    /** the complaint was logged: channel, receipt, regimes; the actor is who logged it */
    INTAKE,
    /** a person took a task */
    TASK_CLAIMED,
    /** a task was given to someone: by a person (the director) or, with no actor, by the model at its creation */
    TASK_ASSIGNED,
    /** a task was handed back */
    TASK_UNCLAIMED,
    /** a user task without a kind of its own below was completed */
    TASK_COMPLETED,
    /** the routing decision chose the investigating department */
    DEPARTMENT_ASSIGNED,
    /** the investigator recorded findings (task gatherFindings; the text stays in the engine) */
    FINDINGS_RECORDED,
    /** the investigator coded the issue (task codeIssue): HCAT category, severity, harm level */
    CODED,
    /** patient relations drafted the written response (task draftResponse) */
    RESPONSE_DRAFTED,
    /** the director approved the written response (task approveResponse) */
    RESPONSE_APPROVED,
    /** the director sent the draft back for changes */
    RESPONSE_RETURNED,
    /** a clock's escalation timer gave the director the "deadline near" review */
    ESCALATED,
    /** the patient withdrew the grievance */
    WITHDRAWN,
    /** the case was closed, with its reason */
    CLOSED,
    /** a new case arose from this one (converted, reclassified or split off): the new case, its track */
    LINKED_TO,
    /** this case arose from another (converted, reclassified or split off): that case, and whether it is at risk */
    LINKED_FROM,
    /** intake confirmed a contact is a new case, not one of the open cases listed as possible duplicates (E7) */
    CONFIRMED_NEW,
    /** intake attached this contact to an open case, as that case's next issue line (E7) */
    ATTACHED_TO_CASE,
    /** a contact of the same patient was attached to this case as a new issue line (E7) */
    CONTACT_ATTACHED
}
