package org.opengrievance.security;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.opengrievance.http.ReplayedRequest;
import org.opengrievance.text.PrintableText;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at every request body of the project's API ({@code /api/**}), for every endpoint present
 * and future, before any of it is read as data:
 * <ul>
 * <li>a body over {@value #MAX_BODY_BYTES} bytes: 413;
 * <li>a {@code charset} other than UTF-8 in the Content-Type: 415;
 * <li>a JSON body that is not strict UTF-8 (malformed, overlong, encoded surrogates, NUL bytes): 400;
 * <li>a JSON text value or field name that breaks the printable-text rule ({@link PrintableText}), a field
 * given twice in one object, or anything after the one JSON value: 400 naming the field (never the value).
 * </ul>
 * Bodies that are not well-formed JSON or nested too deeply are passed on: the API's own JSON reading rejects
 * them ({@link JsonLimits}, web.ProblemHandler), which also refuses duplicates and trailing tokens itself.
 */
class ApiInputFilter extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final URI INVALID = URI.create("urn:grievance:problem:invalid-request");
    static final URI TOO_LARGE = URI.create("urn:grievance:problem:payload-too-large");
    static final URI UNSUPPORTED = URI.create("urn:grievance:problem:unsupported-media-type");
    static final String TRAILING = "must be one JSON value with nothing after it";

    private final ObjectMapper json;
    private final JsonFactory scanner;

    ApiInputFilter(ObjectMapper json) {
        this.json = json;
        this.scanner = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonLimits.MAX_NESTING_DEPTH)
                        .build())
                .build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            tooLarge(response);
            return;
        }
        MediaType type = mediaType(request);
        if (type != null && type.getParameter("charset") != null && !isUtf8(type.getParameter("charset"))) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The request body must be UTF-8 (send no charset or charset=UTF-8).");
            p.setType(UNSUPPORTED);
            p.setTitle("Unsupported character set");
            write(response, p);
            return;
        }
        if (body.length > 0 && isJson(type)) {
            if (!isUtf8(body)) {
                write(response, invalid("The request body is not valid UTF-8.", "(body)", "must be valid UTF-8"));
                return;
            }
            Rejection rejection = firstRejection(body);
            if (rejection != null) {
                write(response, invalid("The request has invalid fields.", rejection.field(), rejection.message()));
                return;
            }
        }
        chain.doFilter(new ReplayedRequest(request, body), response);
    }

    private static MediaType mediaType(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return null;
        }
        try {
            return MediaType.parseMediaType(type);
        } catch (IllegalArgumentException e) {
            // Spring MVC answers an unparseable Content-Type with 415
            return null;
        }
    }

    private static boolean isJson(MediaType media) {
        return media != null
                && (MediaType.APPLICATION_JSON.isCompatibleWith(media) || media.getSubtype().endsWith("+json"));
    }

    private static boolean isUtf8(String charset) {
        String name = charset.trim();
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equalsIgnoreCase("UTF-8") || name.equalsIgnoreCase("UTF8");
    }

    /**
     * Strict UTF-8: Java's decoder refuses overlong forms, encoded surrogates and code points above U+10FFFF.
     * A NUL byte is never part of UTF-8 JSON (it must be escaped); it would let the JSON reader guess UTF-16 or
     * UTF-32 from the byte pattern, so it is refused too.
     */
    static boolean isUtf8(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static ProblemDetail invalid(String detail, String field, String message) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setType(INVALID);
        p.setTitle("Invalid request");
        p.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return p;
    }

    /** A field at fault and what is wrong with it (never its value). */
    record Rejection(String field, String message) {
    }

    /**
     * The first text value or field name that breaks the printable-text rule, the first field given twice in
     * one object, or anything after the one JSON value; null when there is none.
     */
    Rejection firstRejection(byte[] body) {
        Deque<Set<String>> names = new ArrayDeque<>();
        boolean rootDone = false;
        try (JsonParser parser = scanner.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (rootDone) {
                    return new Rejection("(body)", TRAILING);
                }
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && !acceptable(parser.getText())) {
                    return new Rejection(path(parser.getParsingContext(), token == JsonToken.FIELD_NAME),
                            PrintableText.RULE);
                }
                if (token == JsonToken.START_OBJECT) {
                    names.push(new HashSet<>());
                } else if (token == JsonToken.END_OBJECT) {
                    names.pop();
                } else if (token == JsonToken.FIELD_NAME && !names.peek().add(parser.currentName())) {
                    return new Rejection(path(parser.getParsingContext(), false), "is given more than once");
                }
                if (parser.getParsingContext().inRoot() && (token.isScalarValue() || token == JsonToken.END_OBJECT
                        || token == JsonToken.END_ARRAY)) {
                    rootDone = true;
                }
            }
            return null;
        } catch (IOException notJsonOrTooDeep) {
            // after a complete value: trailing garbage; otherwise the API's JSON reading answers with its problem
            return rootDone ? new Rejection("(body)", TRAILING) : null;
        }
    }

    static boolean acceptable(String text) {
        return PrintableText.isPrintable(text);
    }

    /** The same notation the API's other problems use: {@code a.b[2].c}. */
    private static String path(JsonStreamContext context, boolean fieldName) {
        if (fieldName) {
            // a field name that itself holds control characters is not echoed back
            return "(a field name)";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (!sb.isEmpty() && !part.startsWith("[")) {
                sb.append('.');
            }
            sb.append(part);
        }
        return sb.isEmpty() ? "(body)" : sb.toString();
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
        p.setType(TOO_LARGE);
        p.setTitle("Request too large");
        response.setHeader("Connection", "close");
        write(response, p);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        ProblemResponses.write(json, response, problem);
    }
}
