package org.opengrievance.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.opengrievance.access.AccessSurface;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in: the project's API ({@code /api/**}) also accepts the session of a person signed in to Tasklist
 * or Cockpit, so the Cockpit plugin and the letter links in Tasklist forms need no second password.
 * <ul>
 * <li>HTTP Basic wins: a request with an {@code Authorization} header is left to Basic (stateless, no CSRF).
 * <li>The session must hold a webapp sign-in (WebappSessions); a logged-out or expired one does not count.
 * <li>The user's groups are read again from the identity service on every request, exactly as Basic reads them:
 * someone removed from a group loses its rights at their next request, not at the end of the session.
 * A user deleted since the login is not signed in.
 * <li>Anything but GET, HEAD and OPTIONS must carry the webapps' CSRF token in {@code X-XSRF-TOKEN}, equal to the
 * token of the session: 403 problem otherwise (the session cookie alone is what a forged request would have).
 * <li>The surface ({@link AccessSurface}) is left on the request for the PHI access log: API for Basic, COCKPIT
 * for a session request with {@code X-Grievance-Surface: cockpit} from a user who may open Cockpit, TASKLIST for
 * every other session request.
 * </ul>
 * The filter never creates a session.
 */
final class WebappSessionSignIn extends OncePerRequestFilter {

    static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final String engineName;
    private final ProblemResponses problems;

    WebappSessionSignIn(IdentityService identity, AuthorizationService authorizations, String engineName,
            ProblemResponses problems) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.engineName = engineName;
        this.problems = problems;
    }

    /**
     * A request from a browser that uses (or used) the webapp session, not a script with Basic: its 401 must not
     * carry a Basic challenge, which would pop up the browser's password dialog over Tasklist or Cockpit.
     */
    static boolean isSessionRequest(HttpServletRequest request) {
        return API.matches(request) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && (request.getRequestedSessionId() != null || request.getHeader(WebappSessions.CSRF_HEADER) != null
                        || request.getHeader(AccessSurface.HEADER) != null);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !API.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        request.setAttribute(AccessSurface.REQUEST_ATTRIBUTE, AccessSurface.API);
        HttpSession session = request.getHeader(HttpHeaders.AUTHORIZATION) == null ? request.getSession(false) : null;
        Optional<String> userId = session == null ? Optional.empty() : WebappSessions.userId(session, engineName);
        if (userId.isEmpty()) {
            // Basic, or nobody: Spring Security's Basic filter and entry point take it from here
            chain.doFilter(request, response);
            return;
        }
        UsernamePasswordAuthenticationToken signedIn;
        AccessSurface surface;
        try {
            if (identity.createUserQuery().userId(userId.get()).count() == 0) {
                chain.doFilter(request, response);
                return;
            }
            signedIn = CamundaIdentityAuthenticationProvider.authenticatedAs(identity, userId.get());
            surface = surface(request, (CamundaUser) signedIn.getPrincipal());
        } catch (AuthenticationServiceException storeFailed) {
            problems.commence(request, response, storeFailed);
            return;
        } catch (RuntimeException storeFailed) {
            problems.commence(request, response, new AuthenticationServiceException("The user store is not reachable", storeFailed));
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
            problems.csrfRefused(response);
            return;
        }
        request.setAttribute(AccessSurface.REQUEST_ATTRIBUTE, surface);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(WebappSessions.CSRF_HEADER);
        Optional<String> expected = WebappSessions.csrfToken(session);
        return sent != null && expected.isPresent() && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8));
    }

    private AccessSurface surface(HttpServletRequest request, CamundaUser user) {
        boolean saysCockpit = "cockpit".equalsIgnoreCase(request.getHeader(AccessSurface.HEADER));
        if (!saysCockpit) {
            return AccessSurface.TASKLIST;
        }
        return authorizations.isUserAuthorized(user.id(), user.groupIds(), Permissions.ACCESS, Resources.APPLICATION,
                WebappSessions.COCKPIT_APPLICATION) ? AccessSurface.COCKPIT : AccessSurface.TASKLIST;
    }
}
