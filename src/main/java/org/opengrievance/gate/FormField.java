package org.opengrievance.gate;

import java.util.Set;

/**
 * One input field of a deployed Camunda Form, as far as the server checks it.
 *
 * @param options   the allowed values of a select or radio with static options, or null (no fixed list)
 * @param maxLength the form's own limit, or null
 * @param pattern   the form's regular expression, or null
 * @param shownIf   true when the field has a condition (it may be hidden, so "required" cannot be judged
 *                  without the condition; the task's listeners check what depends on it)
 */
record FormField(String key, String type, boolean required, boolean readonly, boolean shownIf, Set<String> options,
        Integer maxLength, String pattern, Number min, Number max) {

    boolean isText() {
        return type.equals("textfield") || type.equals("textarea");
    }

    boolean isChoice() {
        return type.equals("select") || type.equals("radio");
    }
}
