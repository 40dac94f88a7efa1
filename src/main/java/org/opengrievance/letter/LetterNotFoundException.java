package org.opengrievance.letter;

/** No letter with this id (on this case). */
public class LetterNotFoundException extends RuntimeException {

    public LetterNotFoundException(String caseNumber, long id) {
        super(caseNumber == null ? "No letter " + id : "No letter " + id + " on case " + caseNumber);
    }
}
