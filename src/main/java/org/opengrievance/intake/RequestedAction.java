package org.opengrievance.intake;

/**
 * What the person asks for (MA-1, 422.564(b)): a complaint about how they were treated is a grievance; a service
 * or payment decision is an organization or coverage determination; a review of a denial is an appeal; a question
 * is an inquiry.
 */
public enum RequestedAction {
    COMPLAINT, DECISION, DENIAL_REVIEW, INFORMATION
}
