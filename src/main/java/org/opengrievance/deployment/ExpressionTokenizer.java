package org.opengrievance.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the body of one JUEL expression (the text between {@code ${} and {@code }}) into the tokens the
 * deployment check reasons about: names, dots, parentheses, literals, operators. Anything else (brackets,
 * braces, {@code =}, {@code ;}, {@code ->}, backticks...) becomes an {@link Kind#OTHER} token, which the check
 * refuses: it is cheaper to accept a small language than to prove a large one harmless.
 */
final class ExpressionTokenizer {

    enum Kind { NAME, DOT, OPEN, CLOSE, STRING, NUMBER, OPERATOR, OTHER }

    record Token(Kind kind, String text) {
    }

    private ExpressionTokenizer() {
    }

    static List<Token> tokenize(String body) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < body.length() && Character.isJavaIdentifierPart(body.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, body.substring(start, i)));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < body.length() && (Character.isDigit(body.charAt(i)) || body.charAt(i) == '.'
                        || body.charAt(i) == 'e' || body.charAt(i) == 'E')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, body.substring(start, i)));
            } else if (c == '\'' || c == '"') {
                int end = ExpressionText.endOfString(body, i);
                if (end < 0) {
                    tokens.add(new Token(Kind.OTHER, "unterminated string"));
                    return tokens;
                }
                tokens.add(new Token(Kind.STRING, body.substring(i, end + 1)));
                i = end + 1;
            } else if (c == '.') {
                tokens.add(new Token(Kind.DOT, "."));
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Kind.OPEN, "("));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Kind.CLOSE, ")"));
                i++;
            } else {
                String two = i + 1 < body.length() ? body.substring(i, i + 2) : "";
                if (two.equals("==") || two.equals("!=") || two.equals("<=") || two.equals(">=")
                        || two.equals("&&") || two.equals("||")) {
                    tokens.add(new Token(Kind.OPERATOR, two));
                    i += 2;
                } else if (two.equals("->")) {
                    tokens.add(new Token(Kind.OTHER, two));
                    i += 2;
                } else if ("<>!+-*/%?:,".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.OPERATOR, String.valueOf(c)));
                    i++;
                } else {
                    tokens.add(new Token(Kind.OTHER, String.valueOf(c)));
                    i++;
                }
            }
        }
        return tokens;
    }
}
