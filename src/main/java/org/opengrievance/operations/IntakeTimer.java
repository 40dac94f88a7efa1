package org.opengrievance.operations;

import java.io.IOException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code grievance.intake}: how long logging a complaint over {@code POST /api/grievances} takes, from the first
 * byte to the answer (case row, process start and the first synchronous steps), tagged with the outcome
 * (SUCCESS, CLIENT_ERROR, SERVER_ERROR). Registered for that path only (OperationsConfig).
 */
class IntakeTimer extends OncePerRequestFilter {

    static final String NAME = "grievance.intake";

    private final MeterRegistry registry;

    IntakeTimer(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/api/grievances".equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Timer.Sample sample = Timer.start(registry);
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            String outcome = status >= 500 ? "SERVER_ERROR" : status >= 400 ? "CLIENT_ERROR" : "SUCCESS";
            sample.stop(Timer.builder(NAME).description("Time to log a complaint over the API")
                    .tag("outcome", outcome).register(registry));
        }
    }
}
