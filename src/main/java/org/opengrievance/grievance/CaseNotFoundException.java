package org.opengrievance.grievance;

public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseNumber) {
        super("No grievance case " + caseNumber);
    }
}
