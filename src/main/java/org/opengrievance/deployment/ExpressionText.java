package org.opengrievance.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the JUEL expressions ({@code ${...}} and {@code #{...}}) in an attribute value or element text. Text
 * around them is literal (as in {@code investigators-${department}}). String literals inside an expression
 * may hold a closing brace, so the scan skips them.
 */
final class ExpressionText {

    /** The bodies found, and whether one of them never closes (the engine would refuse it too; so do we). */
    record Found(List<String> bodies, boolean unterminated) {
    }

    private ExpressionText() {
    }

    static boolean mayContainExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    static Found find(String text) {
        List<String> bodies = new ArrayList<>();
        int i = 0;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    return new Found(bodies, true);
                }
                bodies.add(text.substring(i + 2, end));
                i = end + 1;
            } else {
                i++;
            }
        }
        return new Found(bodies, false);
    }

    private static int closingBrace(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = endOfString(text, i);
                if (end < 0) {
                    return -1;
                }
                i = end + 1;
            } else if (c == '}') {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }

    /** Index of the quote closing the string literal that opens at {@code start}, or -1. */
    static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i;
            } else {
                i++;
            }
        }
        return -1;
    }
}
