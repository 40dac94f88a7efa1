package org.opengrievance.demo;

import java.util.List;

/** The demo accounts as others need to know them: their ids and their well-known passwords. */
public final class DemoAccounts {

    private DemoAccounts() {
    }

    /** The ids of the demo users ({@code admin}, {@code irene}, {@code diana}, …). */
    public static List<String> ids() {
        return DemoUsers.USERS.stream().map(DemoUsers.DemoUser::id).toList();
    }

    /** The password the demo gives the user {@code id}, printed at every demo start. */
    public static String password(String id) {
        return "demo-" + id;
    }
}
