package org.opengrievance.letter;

/** The result of re-hashing a stored letter (HIPAA-3: the hash of a sent PDF matches at audit time). */
public record LetterIntegrity(long letterId, String recordedSha256, String actualSha256) {

    public boolean intact() {
        return recordedSha256.equals(actualSha256);
    }
}
