package org.opengrievance.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Cache-Control: no-store} on every answer that can carry PHI: the project's API, engine-rest and the
 * webapps' API ({@code /api/*}, {@code /engine-rest/*}, {@code /camunda/api/*}), whatever the resource itself
 * sets (engine-rest and the webapps' API send {@code no-cache}, which lets a cache keep the answer). The
 * webapps' static assets under {@code /camunda/app/**} keep their own caching.
 */
class NoStoreFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new NoStoreResponse(response));
    }

    /** No cache may keep the answer, whatever the resource sets. */
    static final class NoStoreResponse extends HttpServletResponseWrapper {

        NoStoreResponse(HttpServletResponse response) {
            super(response);
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }

        @Override
        public void setHeader(String name, String value) {
            if (!isCacheHeader(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!isCacheHeader(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!"Expires".equalsIgnoreCase(name)) {
                super.setDateHeader(name, date);
            }
        }

        private static boolean isCacheHeader(String name) {
            return "Cache-Control".equalsIgnoreCase(name) || "Pragma".equalsIgnoreCase(name)
                    || "Expires".equalsIgnoreCase(name);
        }
    }

}
