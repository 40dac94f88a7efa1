package org.opengrievance.intake;

import java.util.Map;

import jakarta.servlet.ServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The case-record-only fields of a Tasklist start form ({@link IntakeVariables#CASE_RECORD_ONLY}), handed to
 * {@code registerCase} beside the engine rather than through it. Even as transient variables they would reach
 * the engine's history: a form submission records every submitted field as a form property. So the gate takes
 * them out of the submission and keeps them on the request, and {@code registerCase}, which runs in that same
 * request and transaction, reads them from here.
 */
public final class CaseRecordOnlyInput {

    static final String ATTRIBUTE = CaseRecordOnlyInput.class.getName();

    private CaseRecordOnlyInput() {
    }

    public static void hold(ServletRequest request, Map<String, Object> values) {
        request.setAttribute(ATTRIBUTE, Map.copyOf(values));
    }

    /** The value held for the current request, or null. */
    @SuppressWarnings("unchecked")
    static Object get(String name) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object held = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return held instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(name) : null;
    }
}
