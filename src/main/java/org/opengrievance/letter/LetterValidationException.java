package org.opengrievance.letter;

import java.util.List;

/**
 * A letter cannot be approved or sent because required elements are missing. {@link #missing()} names each
 * one in words a staff member understands ("the name of the hospital contact person",
 * "an answer to issue 2: ...").
 */
public class LetterValidationException extends RuntimeException {

    private final LetterKind kind;
    private final List<String> missing;

    public LetterValidationException(LetterKind kind, List<String> missing) {
        super(message(kind, missing));
        this.kind = kind;
        this.missing = List.copyOf(missing);
    }

    public LetterKind kind() {
        return kind;
    }

    public List<String> missing() {
        return missing;
    }

    private static String message(LetterKind kind, List<String> missing) {
        String what = kind == null ? "The letter" : "The " + kind.label();
        return what + " cannot be approved yet. It still needs: " + String.join("; ", missing) + ".";
    }
}
