package org.opengrievance.letter;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a text a person wrote for the patient's letter says something, or only fills the field. A letter
 * that prints "x" as the results of the grievance process meets the form but not CMS-HOSP-8, so the letter
 * check refuses:
 * <ul>
 * <li>fewer than {@value #MIN_LENGTH} characters once spaces at either end are removed and runs of spaces
 * count as one (the shortest honest answer, "We apologised.", is about that long);</li>
 * <li>one character repeated ("xxxxxxxxxxxxxxxx", "................"), spaces aside;</li>
 * <li>a placeholder: n/a, na, none, tbd, test, x, -, . and the like, in any case, with or without a final stop.</li>
 * </ul>
 */
public final class PatientText {

    /** Shorter than this is a placeholder, not an answer. */
    public static final int MIN_LENGTH = 15;

    static final Set<String> PLACEHOLDERS = Set.of("n/a", "na", "n.a", "none", "nil", "tbd", "tba", "todo", "test",
            "x", "xx", "xxx", "-", "--", ".", "?", "to be determined", "to be done", "see above", "see below",
            "see findings", "see attached", "see file", "same as above", "not applicable", "lorem ipsum");

    private PatientText() {
    }

    /** True for blank text too: the caller decides whether the element is required. */
    public static boolean isPlaceholder(String text) {
        if (text == null) {
            return true;
        }
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() < MIN_LENGTH) {
            return true;
        }
        String bare = t.replace(" ", "");
        if (bare.codePoints().distinct().count() == 1) {
            return true;
        }
        String word = t.toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
        return PLACEHOLDERS.contains(word);
    }
}
