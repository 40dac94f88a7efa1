package org.opengrievance.security;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.opengrievance.availability.DatabaseAvailability;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 of Spring Security as RFC 9457 problems, like every other error of the API. The 401 keeps the
 * {@code WWW-Authenticate: Basic} challenge, so Modeler, curl and a browser on Swagger UI know to ask; except
 * for a browser on the webapp session (WebappSessionSignIn.isSessionRequest: the Cockpit plugin, a Tasklist
 * letter link), whose 401 challenges {@code Session} instead: a browser shows no password dialog for a scheme it
 * does not know, and the problem says to sign in again in Tasklist or Cockpit.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final URI UNAUTHENTICATED = URI.create("urn:grievance:problem:unauthenticated");
    static final URI FORBIDDEN = URI.create("urn:grievance:problem:forbidden");
    static final URI CSRF = URI.create("urn:grievance:problem:csrf-token");
    /** The challenge of a 401 to a browser on the webapp session: not one a browser answers with a dialog. */
    static final String SESSION_SCHEME = "Session";

    private final ObjectMapper json;
    private final String realm;

    ProblemResponses(ObjectMapper json, String realm) {
        this.json = json;
        this.realm = realm;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof AuthenticationServiceException) {
            // the password could not be checked (the database is unreachable): retry later, not "sign in again"
            response.setHeader("Retry-After", DatabaseAvailability.RETRY_AFTER_SECONDS);
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseAvailability.SENTENCE);
            p.setType(java.net.URI.create("urn:grievance:problem:service-unavailable"));
            p.setTitle("Service unavailable");
            write(response, p);
            return;
        }
        boolean session = WebappSessionSignIn.isSessionRequest(request);
        response.setHeader("WWW-Authenticate", (session ? SESSION_SCHEME : "Basic") + " realm=\"" + realm + "\"");
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, session
                ? "You are not signed in (or your session has ended): sign in again in Tasklist or Cockpit."
                : "Sign in with a user name and password (HTTP Basic).");
        p.setType(UNAUTHENTICATED);
        p.setTitle("Authentication required");
        write(response, p);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Your role does not allow this request.");
        p.setType(FORBIDDEN);
        p.setTitle("Forbidden");
        write(response, p);
    }

    /** A change sent with the webapp session but without its CSRF token (or with another one). */
    void csrfRefused(HttpServletResponse response) throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "A change signed in by the webapp session must carry the session's CSRF token in the "
                        + WebappSessions.CSRF_HEADER + " header.");
        p.setType(CSRF);
        p.setTitle("CSRF token missing or wrong");
        write(response, p);
    }

    static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        write(json, response, problem);
    }
}
