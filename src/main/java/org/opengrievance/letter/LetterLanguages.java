package org.opengrievance.letter;

import java.util.Locale;

/** Language codes as letters use them: an ISO 639 code in lower case ({@code en}, {@code es}, {@code vi}). */
public final class LetterLanguages {

    /** A two- or three-letter ISO 639 code. */
    public static final String CODE = "[a-z]{2,3}";

    private LetterLanguages() {
    }

    /** An ISO 639 code the JDK knows a name for ("xx" is none). */
    public static boolean valid(String code) {
        return code != null && code.matches(CODE)
                && !Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).equals(code);
    }

    /** The language's name in {@code in}'s language ("Korean" in an English letter), or the code. */
    static String name(String code, Locale in) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(in);
        return name.isEmpty() || name.equals(code) ? code : name;
    }
}
