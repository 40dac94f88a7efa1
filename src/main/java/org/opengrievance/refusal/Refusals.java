package org.opengrievance.refusal;

import java.util.Optional;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Where a {@link Refusal} thrown during an HTTP request is kept until the response is written: the first one
 * (the cause; later ones are consequences of it). Outside a request (job executor, start-up) nothing is kept.
 */
public final class Refusals {

    static final String ATTRIBUTE = Refusals.class.getName();

    private Refusals() {
    }

    static void record(Refusal refusal) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) == null) {
            request.setAttribute(ATTRIBUTE, refusal, RequestAttributes.SCOPE_REQUEST);
        }
    }

    /** The refusal recorded on this request (a servlet request's attributes), if any. */
    public static Optional<Refusal> of(jakarta.servlet.ServletRequest request) {
        return Optional.ofNullable((Refusal) request.getAttribute(ATTRIBUTE));
    }
}
