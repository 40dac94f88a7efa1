package org.opengrievance.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first look at every request body of the project's API ({@code /api/**}), for every endpoint present
 * and future: a body over {@value #MAX_BODY_BYTES} bytes is answered 413, and a JSON text value (or field
 * name) holding a control character other than tab, line feed and carriage return, or half a surrogate pair,
 * is answered 400 naming the field. Bodies that are not well-formed JSON, not UTF-8 or nested too deeply are
 * passed on: the API's own JSON reading rejects them ({@link JsonLimits}, web.ProblemHandler).
 */
class ApiInputFilter extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 64 * 1024;
    static final URI INVALID = URI.create("urn:grievance:problem:invalid-request");
    static final URI TOO_LARGE = URI.create("urn:grievance:problem:payload-too-large");

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
        if (body.length > 0 && isJson(request)) {
            String field = firstFieldWithControlCharacters(body);
            if (field != null) {
                ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
                p.setType(INVALID);
                p.setTitle("Invalid request");
                p.setProperty("errors", List.of(Map.of("field", field,
                        "message", "must not contain control characters (other than tab and line breaks)")));
                write(response, p);
                return;
            }
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return MediaType.APPLICATION_JSON.isCompatibleWith(media) || media.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The path of the first text value or field name with a forbidden character; null when there is none. */
    String firstFieldWithControlCharacters(byte[] body) {
        try (JsonParser parser = scanner.createParser(body)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME) && !acceptable(parser.getText())) {
                    return path(parser.getParsingContext(), token == JsonToken.FIELD_NAME);
                }
            }
            return null;
        } catch (IOException notJsonOrTooDeep) {
            // the API's JSON reading answers this one with its own problem
            return null;
        }
    }

    static boolean acceptable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
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

    /** The request with its body already read; Spring MVC reads it again from memory. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reading only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
                    java.nio.charset.Charset.forName(encoding)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
