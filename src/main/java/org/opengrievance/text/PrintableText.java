package org.opengrievance.text;

/**
 * The one rule for text a person submits, on every surface (the project's API, task completions, intake from
 * Tasklist, engine-rest bodies): printable characters, tab and line breaks. Refused: C0 control characters
 * other than tab and line feed (a carriage return only as the first half of CR LF), DEL, the C1 controls
 * U+0080–U+009F, and half a surrogate pair.
 */
public final class PrintableText {

    /** What a refusal says about such a field (never the value). */
    public static final String RULE = "must contain only printable characters, tabs and line breaks";

    private PrintableText() {
    }

    public static boolean isPrintable(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n') {
                continue;
            }
            if (c == '\r') {
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    continue;
                }
                return false;
            }
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
