package org.opengrievance.letter;

import java.util.Collection;
import java.util.stream.Collectors;

import org.opengrievance.regime.Regime;

/**
 * The case's rules send no such letter: an interim letter under a health plan's rules, an extension notice or a
 * classification notice for a hospital-only case. The letter does not exist for this case, so there is nothing
 * to preview or approve.
 */
public class LetterNotApplicableException extends RuntimeException {

    private final LetterKind kind;

    public LetterNotApplicableException(LetterKind kind, Collection<Regime> regimes) {
        super("The case's rules send no " + kind.label() + ": " + who(kind) + "; this case is under "
                + regimes.stream().map(Regime::name).collect(Collectors.joining(", ")) + ".");
        this.kind = kind;
    }

    public LetterKind kind() {
        return kind;
    }

    private static String who(LetterKind kind) {
        return switch (kind) {
            case INTERIM -> "the interim letter is a hospital's (a health plan sends an extension notice)";
            case EXTENSION -> "the extension notice is a health plan's (a hospital sends the interim letter)";
            case CLASSIFICATION_NOTICE -> "the classification notice is a health plan's";
            default -> "every organisation sends it";
        };
    }
}
