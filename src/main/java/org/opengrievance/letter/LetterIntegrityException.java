package org.opengrievance.letter;

/** The stored PDF no longer matches the SHA-256 recorded when it was approved. */
public class LetterIntegrityException extends RuntimeException {

    private final long letterId;

    public LetterIntegrityException(long letterId) {
        super("Stored letter " + letterId + " does not match the SHA-256 recorded when it was approved");
        this.letterId = letterId;
    }

    public long letterId() {
        return letterId;
    }
}
