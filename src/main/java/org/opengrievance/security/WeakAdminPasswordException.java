package org.opengrievance.security;

/** The production start-up was refused because of the administrator's password; the message says why. */
public class WeakAdminPasswordException extends IllegalStateException {

    public WeakAdminPasswordException(String problem) {
        super("Refusing to start: " + problem);
    }
}
