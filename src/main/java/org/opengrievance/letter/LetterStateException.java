package org.opengrievance.letter;

/** The letter is not in a state that allows this (for example: marking a letter sent twice). */
public class LetterStateException extends RuntimeException {

    public LetterStateException(String message) {
        super(message);
    }
}
