package org.opengrievance.whatif;

import java.util.List;

/**
 * What a changed table would do to the open cases.
 *
 * @param evaluatedVersion the deployed version the upload was compared with
 * @param casesChecked     the open cases the table could still move
 * @param casesMoved       how many of them would get another answer
 */
public record WhatIfAnswer(String decisionId, int evaluatedVersion, int casesChecked, int casesMoved,
        List<Move> moves) {

    /**
     * One answer that would change: {@code what} is {@code dueAt} (with the clock's regime), {@code department}
     * or {@code suggestedClassification}; {@code oldValue} is the deployed table's answer, null where it has none.
     */
    public record Move(String caseNumber, String what, String regime, String oldValue, String newValue) {
    }
}
