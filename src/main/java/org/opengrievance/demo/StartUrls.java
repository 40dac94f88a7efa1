package org.opengrievance.demo;

import org.springframework.core.env.Environment;

/**
 * The addresses the start-up banner prints, from the port the server really listens on and the configured
 * context path and webapp path, so that a second instance on another port prints its own.
 */
record StartUrls(String tasklist, String swagger) {

    static StartUrls of(Environment env) {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        return of(port, env.getProperty("server.servlet.context-path", ""),
                env.getProperty("camunda.bpm.webapp.application-path", "/camunda"));
    }

    static StartUrls of(String port, String contextPath, String webappPath) {
        String base = "http://localhost:" + port + trimSlash(contextPath);
        return new StartUrls(base + trimSlash(webappPath) + "/app/tasklist/", base + "/swagger-ui.html");
    }

    /** "/x/" and "x" both become "/x"; "" and "/" become "". */
    private static String trimSlash(String path) {
        String p = path == null ? "" : path.strip();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
    }
}
