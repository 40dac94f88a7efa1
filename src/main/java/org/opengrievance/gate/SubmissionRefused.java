package org.opengrievance.gate;

/** A body the gate refuses before the engine sees it: the field at fault (or null) and one plain sentence. */
final class SubmissionRefused extends Exception {

    private final int status;
    private final String field;

    SubmissionRefused(int status, String field, String sentence) {
        super(sentence, null, false, false);
        this.status = status;
        this.field = field;
    }

    static SubmissionRefused field(String field, String sentence) {
        return new SubmissionRefused(400, field, sentence);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
