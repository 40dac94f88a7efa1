package org.opengrievance.letter;

/**
 * Where a stored letter stands. A preview is never stored; {@link LetterService#approve} stores a letter as
 * APPROVED, {@link LetterService#markSent} moves it to SENT. DRAFT is kept for a stored draft step that the
 * process may add later; nothing writes it yet.
 */
public enum LetterStatus {
    DRAFT, APPROVED, SENT
}
