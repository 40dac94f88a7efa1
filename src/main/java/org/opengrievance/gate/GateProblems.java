package org.opengrievance.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The problem (RFC 9457) the gate answers with, on engine-rest and the webapps' API alike. {@code detail}
 * is one plain sentence; {@code message} repeats it because Tasklist and Cockpit show a response's
 * {@code message} to the person. Never a class name, an engine code, SQL or a submitted value.
 */
final class GateProblems {

    private GateProblems() {
    }

    static byte[] body(int status, String detail, String field, String rule) {
        ObjectNode p = StrictJson.mapper().createObjectNode();
        p.put("type", "urn:grievance:problem:" + slug(status));
        p.put("title", title(status));
        p.put("status", status);
        p.put("detail", detail);
        p.put("message", detail);
        if (field != null) {
            p.set("errors", StrictJson.mapper().valueToTree(List.of(Map.of("field", field, "message", detail))));
        }
        if (rule != null) {
            p.put("rule", rule);
        }
        return p.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void write(HttpServletResponse response, int status, String detail, String field, String rule)
            throws IOException {
        byte[] body = body(status, detail, field, rule);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(body);
    }

    /** The sentence for an engine error whose own message is not shown (it may hold SQL, ids or values). */
    static String detailFor(int status, String engineType) {
        if ("OptimisticLockingException".equals(engineType)) {
            return "Someone else changed this case at the same time: reload it and try again.";
        }
        return switch (status) {
            case 400 -> "The request is not valid: check the values sent.";
            case 401 -> "Sign in to do this.";
            case 403 -> "You may not do this.";
            case 404 -> "It does not exist, or you may not see it.";
            case 405 -> "This method is not allowed here.";
            case 409 -> "This cannot be done in the case's present state.";
            case 413 -> "The request is too large.";
            case 415 -> "Send JSON in UTF-8.";
            default -> status >= 500 ? "The server could not do this. Try again; if it persists, tell the administrator."
                    : "The request was refused.";
        };
    }

    static int statusFor(int status, String engineType) {
        if ("OptimisticLockingException".equals(engineType)) {
            return 409;
        }
        if ("AuthorizationException".equals(engineType)) {
            return 403;
        }
        return status;
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Server error" : "Refused";
        };
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "server-error" : "refused";
        };
    }
}
