package org.opengrievance.letter;

/** How a letter went out (model-contract variables {@code responseChannel}, {@code deliveryChannel}). */
public enum SendChannel {
    EMAIL, MAIL
}
