package org.opengrievance.gate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.opengrievance.text.PrintableText;

/**
 * Reads a JSON body the strict way, whatever endpoint it is for: UTF-8 only (malformed or overlong sequences
 * refused), one value with nothing after it, no duplicate keys, at most {@value #MAX_DEPTH} levels, and every
 * name and text printable ({@link PrintableText}).
 */
final class StrictJson {

    static final int MAX_DEPTH = 20;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build());

    private StrictJson() {
    }

    static JsonNode read(byte[] body) throws SubmissionRefused {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw SubmissionRefused.field(null, "The request body is not valid UTF-8.");
        }
        JsonNode node;
        try (JsonParser parser = MAPPER.createParser(text)) {
            node = MAPPER.readTree(parser);
            if (node == null) {
                return MAPPER.nullNode();
            }
            if (parser.nextToken() != null) {
                throw SubmissionRefused.field(null, "The request body has something after its JSON value.");
            }
        } catch (IOException e) {
            throw SubmissionRefused.field(null, "The request body is not valid JSON (or repeats a field name).");
        }
        checkText(node, "");
        return node;
    }

    /** A variable's name rather than the JSON path to its value ({@code variables.note.value} is {@code note}). */
    private static String fieldOf(String path) {
        if (path.startsWith("variables.")) {
            String rest = path.substring("variables.".length());
            int dot = rest.indexOf('.');
            return dot < 0 ? rest : rest.substring(0, dot);
        }
        return path;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static void checkText(JsonNode node, String path) throws SubmissionRefused {
        if (node.isTextual() && !PrintableText.isPrintable(node.asText())) {
            String field = fieldOf(path);
            throw SubmissionRefused.field(field, "The field " + field + " " + PrintableText.RULE + ".");
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (!PrintableText.isPrintable(e.getKey())) {
                    throw SubmissionRefused.field(null, "A field name " + PrintableText.RULE + ".");
                }
                checkText(e.getValue(), child);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        }
    }

}
