package org.opengrievance.operations;

/** The demo was started on a database other than H2 without saying so; the message names the kind only. */
public class DemoDatabaseRefusedException extends IllegalStateException {

    public DemoDatabaseRefusedException(String kind) {
        super("Refusing to start the demo on a " + kind + " database: the demo creates users with known passwords "
                + "(demo-<id>) and fictional cases, which do not belong in a real database.");
    }
}
