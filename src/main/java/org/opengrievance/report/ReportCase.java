package org.opengrievance.report;

/**
 * One case as the report lists it: case number, department, HCAT category and severity, status, closure reason,
 * and the staff's words for it (why it was late, the protective actions taken). Never the patient's name or the
 * complaint.
 */
record ReportCase(String caseNumber, String department, String category, String severity, String status,
        String closureReason, String note) {

    ReportCase withNote(String text) {
        return new ReportCase(caseNumber, department, category, severity, status, closureReason, text);
    }
}
