package org.opengrievance.support;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.web.client.RestClient;

/** GET requests whose answer, whatever its status, is read as JSON (problems included). */
public final class JsonAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonAnswers() {
    }

    public record Answer(int status, String contentType, JsonNode body) {
    }

    public static Answer get(RestClient client, String path) {
        return client.get().uri(path).exchange((req, res) -> {
            byte[] body = res.getBody().readAllBytes();
            return new Answer(res.getStatusCode().value(),
                    res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString(),
                    body.length == 0 ? null : read(body));
        });
    }

    private static JsonNode read(byte[] body) throws IOException {
        return JSON.readTree(body);
    }
}
