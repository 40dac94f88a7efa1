package org.opengrievance.deployment;

import java.util.Locale;

/** Resource names as a multipart deployment carries them: a file name, sometimes with folders. */
final class Resources {

    private Resources() {
    }

    static String fileName(String resource) {
        String name = resource.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    static boolean endsWith(String resource, String... suffixes) {
        String name = resource.toLowerCase(Locale.ROOT);
        for (String suffix : suffixes) {
            if (name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
