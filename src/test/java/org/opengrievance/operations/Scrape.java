package org.opengrievance.operations;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One answer of /actuator/prometheus, read line by line (the text exposition format). */
record Scrape(String body) {

    /** The value of the series {@code name} whose labels contain {@code label} (e.g. {@code regime="CHIP"}). */
    OptionalDouble value(String name, String label) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(body);
        while (m.find()) {
            if (label == null || m.group(1).contains(label)) {
                return OptionalDouble.of(Double.parseDouble(m.group(2)));
            }
        }
        return OptionalDouble.empty();
    }

    /** The value, which must be listed. */
    double listed(String name, String label) {
        return value(name, label).orElseThrow(() -> new AssertionError(name + " {" + label + "} not listed in:\n" + body));
    }
}
