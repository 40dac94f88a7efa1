package org.opengrievance.export;

/** What makes an export invalid: the row (case number, or "header"), the column, and what is wrong. */
record Fault(String row, String field, String message) {
}
