package org.opengrievance.security;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Oddly written addresses, on every surface: Spring Security's {@link StrictHttpFirewall} (path parameters
 * such as {@code /api;x/...}, {@code //}, encoded slashes, periods and percent signs, non-printable characters)
 * and, in addition, a percent-encoded letter, digit or {@code -._~} ({@code /%65ngine-rest/task}), which no
 * client needs to encode and which only serves to make two spellings of one path. Each is answered with a 400
 * problem and one log line without the address ({@link Rejected}).
 */
final class OddPathFirewall implements HttpFirewall {

    /**
     * The same check as a servlet filter ahead of every other (Spring Security's own request-path parsing and
     * the webapps' servlets fail with a 500 on some of these addresses before its firewall sees them).
     */
    static final class Filter extends OncePerRequestFilter {

        private final OddPathFirewall firewall = new OddPathFirewall();
        private final Rejected rejected;

        Filter(ObjectMapper json) {
            this.rejected = new Rejected(json);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                firewall.getFirewalledRequest(request);
            } catch (RequestRejectedException e) {
                rejected.handle(request, response, e);
                return;
            }
            chain.doFilter(request, response);
        }
    }

    private static final Pattern ENCODED_UNRESERVED = Pattern.compile(
            "%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[Dd]|5[Ff]|7[Ee])");

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        String uri = request.getRequestURI();
        if (uri != null && ENCODED_UNRESERVED.matcher(uri).find()) {
            throw new RequestRejectedException("The request was rejected because the URL encodes a plain character.");
        }
        return strict.getFirewalledRequest(request);
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    /** The answer to a rejected address: a 400 problem, and one line in the log (no stack trace, no address). */
    static final class Rejected implements RequestRejectedHandler {

        static final URI TYPE = URI.create("urn:grievance:problem:invalid-address");
        private static final Logger log = LoggerFactory.getLogger(OddPathFirewall.class);

        private final ObjectMapper json;

        Rejected(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response,
                RequestRejectedException rejected) throws IOException {
            log.warn("Refused a {} request whose address is not in plain form (400)", safeMethod(request));
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "The address of the request is not in plain form (no path parameters, doubled or encoded "
                            + "slashes, or encoded letters).");
            p.setType(TYPE);
            p.setTitle("Invalid address");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            ProblemResponses.write(json, response, p);
        }

        private static String safeMethod(HttpServletRequest request) {
            String method = request.getMethod();
            return method != null && method.matches("[A-Z]{1,10}") ? method : "(unusual method)";
        }
    }
}
