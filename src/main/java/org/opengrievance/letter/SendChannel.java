package org.opengrievance.letter;

/** How a letter went out (model-contract variable {@code responseSentVia}). */
public enum SendChannel {
    EMAIL, MAIL
}
