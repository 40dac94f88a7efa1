package org.opengrievance.security;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Everything this application knows about how the Camunda webapps (Tasklist, Cockpit, Admin) keep a sign-in in
 * the HTTP session, in one place. Read from camunda-webapp 7.24's {@code AuthenticationUtil} (the session
 * attribute {@code authenticatedUser} holds an {@code Authentications}, one {@code UserAuthentication} per
 * engine; logout removes the engine's entry, the session itself lives on) and {@code CsrfPreventionFilter}
 * (its token in session attribute {@code CAMUNDA_CSRF_TOKEN}, sent back by the webapps in header
 * {@code X-XSRF-TOKEN}, handed to the browser in cookie {@code XSRF-TOKEN}). The Operaton fork keeps these
 * classes under {@code org.operaton.bpm.webapp...}: moving there is a change of the imports below and nothing else.
 */
final class WebappSessions {

    /**
     * {@code AuthenticationUtil.CAM_AUTH_SESSION_KEY} (protected there). Read directly: the webapp's
     * {@code getAuthsFromSession} would store an empty entry into the session of every request it looks at.
     */
    static final String AUTHENTICATIONS_ATTRIBUTE = "authenticatedUser";
    /** Where the webapps' CSRF filter keeps the session's token. */
    static final String CSRF_SESSION_ATTRIBUTE = CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME;
    /** The header in which Tasklist, Cockpit and a Cockpit plugin ({@code api.CSRFToken}) send the token back. */
    static final String CSRF_HEADER = CsrfConstants.CSRF_TOKEN_HEADER_NAME;
    /** The cookie in which the webapps hand the token to the browser. */
    static final String CSRF_COOKIE = CsrfConstants.CSRF_TOKEN_DEFAULT_COOKIE_NAME;

    /** The id of Cockpit as an engine Application resource (the grant that lets a group open it). */
    static final String COCKPIT_APPLICATION = "cockpit";

    private WebappSessions() {
    }

    /** The user signed in to the webapps in this session for that engine; empty when logged out or never in. */
    static Optional<String> userId(HttpSession session, String engineName) {
        Object value = attribute(session, AUTHENTICATIONS_ATTRIBUTE);
        if (!(value instanceof Authentications authentications)) {
            return Optional.empty();
        }
        Authentication auth = authentications.getAuthenticationForProcessEngine(engineName);
        return auth == null || auth.getIdentityId() == null || auth.getIdentityId().isBlank()
                ? Optional.empty() : Optional.of(auth.getIdentityId());
    }

    /** The CSRF token the webapps' filter keeps in this session; empty before the webapps handed one out. */
    static Optional<String> csrfToken(HttpSession session) {
        return attribute(session, CSRF_SESSION_ATTRIBUTE) instanceof String token && !token.isBlank()
                ? Optional.of(token) : Optional.empty();
    }

    /** Whether a value stored into a session is a real sign-in (rather than the empty entry the webapps store). */
    static boolean isSignIn(Object value) {
        return value instanceof Authentications auths && !auths.getAuthentications().isEmpty();
    }

    /** Whether a value stored into a session is the webapps' authentication holder (empty or not). */
    static boolean isAuthentications(Object value) {
        return value instanceof Authentications;
    }

    private static Object attribute(HttpSession session, String name) {
        try {
            return session.getAttribute(name);
        } catch (IllegalStateException invalidated) {
            // the session was invalidated (expired, logged out) between lookup and read
            return null;
        }
    }
}
