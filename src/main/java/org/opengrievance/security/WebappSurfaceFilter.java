package org.opengrievance.security;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What the Camunda webapps ({@code /camunda/**}, {@code /camunda-welcome/**}) do not do themselves, before their
 * own filters run (docs/security.md, "Headers" and "Sessions"):
 * <ul>
 * <li>{@code X-Frame-Options}, {@code Referrer-Policy: no-referrer} and {@code X-Content-Type-Options: nosniff}
 * on every page and asset (their header filter sends CSP with {@code frame-ancestors} and nosniff on some);
 * <li>no HTTP session for an anonymous request. The webapps ask for a session on every request (their session
 * cookie filter, their authentication filter, their CSRF filter, which keeps its token in the session). Without
 * a session, this filter hands them a <em>transient</em> one that lives for the request: the CSRF token in it is
 * the request's {@code XSRF-TOKEN} cookie (so the login form's token check is a double-submit check, the cookie
 * being {@code SameSite=Strict}), and it becomes a real container session the moment anything but the CSRF
 * token and an empty authentication is stored in it (a login). Signed-in users keep their real session.
 * </ul>
 */
class WebappSurfaceFilter extends OncePerRequestFilter {

    static final String CSRF_SESSION_ATTRIBUTE = WebappSessions.CSRF_SESSION_ATTRIBUTE;
    static final String CSRF_COOKIE = WebappSessions.CSRF_COOKIE;

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // no page of the webapps is meant to be framed (the login page only probes /camunda-welcome with a GET)
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        HttpServletRequest in = request.getSession(false) == null ? new AnonymousRequest(request) : request;
        chain.doFilter(in, response);
    }

    /** A request that arrived without a session: it gets a transient one until something worth keeping is stored. */
    static final class AnonymousRequest extends HttpServletRequestWrapper {

        private TransientSession transientSession;

        AnonymousRequest(HttpServletRequest request) {
            super(request);
        }

        private HttpServletRequest container() {
            return (HttpServletRequest) getRequest();
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession real = container().getSession(false);
            if (real != null) {
                return real;
            }
            if (transientSession != null && !transientSession.invalidated) {
                return transientSession;
            }
            if (!create) {
                return null;
            }
            transientSession = new TransientSession(this, csrfCookie());
            return transientSession;
        }

        @Override
        public String changeSessionId() {
            HttpSession real = container().getSession(false);
            return real != null ? container().changeSessionId() : getSession().getId();
        }

        @Override
        public boolean isRequestedSessionIdValid() {
            return container().getSession(false) != null && super.isRequestedSessionIdValid();
        }

        private String csrfCookie() {
            Cookie[] cookies = getCookies();
            if (cookies != null) {
                for (Cookie c : cookies) {
                    if (CSRF_COOKIE.equals(c.getName()) && c.getValue() != null && !c.getValue().isBlank()) {
                        return c.getValue();
                    }
                }
            }
            return null;
        }

        /** Creates the container session and moves what the transient one holds into it. */
        HttpSession promote(Map<String, Object> attributes) {
            HttpSession real = container().getSession(true);
            attributes.forEach(real::setAttribute);
            return real;
        }
    }

    /** Lives for one request; becomes the container session when a login (or anything but the CSRF token) is stored. */
    static final class TransientSession implements HttpSession {

        private final AnonymousRequest request;
        private final Map<String, Object> attributes = new HashMap<>();
        private final String id = "transient-" + UUID.randomUUID();
        private final long created = System.currentTimeMillis();
        private HttpSession promoted;
        boolean invalidated;

        TransientSession(AnonymousRequest request, String csrfToken) {
            this.request = request;
            if (csrfToken != null) {
                attributes.put(CSRF_SESSION_ATTRIBUTE, csrfToken);
            }
        }

        private static boolean worthKeeping(String name, Object value) {
            if (CSRF_SESSION_ATTRIBUTE.equals(name) || value == null) {
                return false;
            }
            if (WebappSessions.isAuthentications(value)) {
                return WebappSessions.isSignIn(value);
            }
            return !(name.endsWith("MUTEX") || name.endsWith("_mutex"));
        }

        @Override
        public void setAttribute(String name, Object value) {
            if (promoted != null) {
                promoted.setAttribute(name, value);
                return;
            }
            attributes.put(name, value);
            if (worthKeeping(name, value)) {
                promoted = request.promote(attributes);
            }
        }

        @Override
        public Object getAttribute(String name) {
            return promoted != null ? promoted.getAttribute(name) : attributes.get(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return promoted != null ? promoted.getAttributeNames() : Collections.enumeration(attributes.keySet());
        }

        @Override
        public void removeAttribute(String name) {
            if (promoted != null) {
                promoted.removeAttribute(name);
            } else {
                attributes.remove(name);
            }
        }

        @Override
        public void invalidate() {
            if (promoted != null) {
                promoted.invalidate();
            }
            invalidated = true;
        }

        @Override
        public String getId() {
            return promoted != null ? promoted.getId() : id;
        }

        @Override
        public long getCreationTime() {
            return promoted != null ? promoted.getCreationTime() : created;
        }

        @Override
        public long getLastAccessedTime() {
            return promoted != null ? promoted.getLastAccessedTime() : created;
        }

        @Override
        public ServletContext getServletContext() {
            return request.getServletContext();
        }

        @Override
        public void setMaxInactiveInterval(int interval) {
            if (promoted != null) {
                promoted.setMaxInactiveInterval(interval);
            }
        }

        @Override
        public int getMaxInactiveInterval() {
            return promoted != null ? promoted.getMaxInactiveInterval() : 0;
        }

        @Override
        public boolean isNew() {
            return promoted == null || promoted.isNew();
        }
    }
}
