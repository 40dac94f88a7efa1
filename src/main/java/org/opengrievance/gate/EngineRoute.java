package org.opengrievance.gate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A request to the engine's REST API, whichever door it came through: {@code /engine-rest/...} (Modeler,
 * scripts) or the webapps' copy of the same resources, {@code <webapp path>/api/engine/engine/<name>/...}
 * (Tasklist, Cockpit). {@code path} is what follows the engine's root, e.g. {@code /task/abc/complete}.
 */
record EngineRoute(String method, String path, boolean webapp) {

    private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/[^/]+/api/engine/engine/[^/]+(/.*)?$");
    private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(/.*)?$");

    /** The route of the request, or null when it is not a call of the engine's REST resources. */
    static EngineRoute of(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        Matcher rest = ENGINE_REST.matcher(uri);
        if (rest.matches()) {
            return new EngineRoute(request.getMethod(), orRoot(rest.group(1)), false);
        }
        Matcher webapp = WEBAPP_ENGINE.matcher(uri);
        if (webapp.matches()) {
            return new EngineRoute(request.getMethod(), orRoot(webapp.group(1)), true);
        }
        return null;
    }

    private static String orRoot(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    boolean isRead() {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /** The path's segment at {@code index} (0 = the first after the root), or null. */
    String segment(int index) {
        String[] parts = path.substring(1).split("/");
        return index < parts.length ? parts[index] : null;
    }
}
