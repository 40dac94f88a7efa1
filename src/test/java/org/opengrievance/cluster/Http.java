package org.opengrievance.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON over HTTP with Basic authentication, as a connected system calls the nodes. A connection that breaks
 * (a killed node, a timeout) is an {@link IOException} for the caller: that is a lost answer, not a status.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Longer than Hikari's 30 s connection wait, so a database outage shows as the node's answer, not ours. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(90);

    record User(String id, String password) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((id + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Answer get(String url, User user) throws IOException {
        return send("GET", url, user, null, Map.of());
    }

    Answer post(String url, User user, String json, Map<String, String> headers) throws IOException {
        return send("POST", url, user, json, headers);
    }

    Answer put(String url, User user) throws IOException {
        return send("PUT", url, user, null, Map.of());
    }

    Answer send(String method, String url, User user, String json, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", user.basic()).header("Accept", "application/json, application/problem+json");
        headers.forEach(request::header);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
