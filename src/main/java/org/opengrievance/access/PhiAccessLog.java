package org.opengrievance.access;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Writes the PHI access log (table phi_access_log, append-only): call it before PHI leaves the application, in
 * the request's transaction if it has one, so that a read the log could not record fails instead of going
 * unrecorded. Records the signed-in person and the surface of the request, never patient data.
 */
@Component
public class PhiAccessLog {

    /** The actions of the reads the API served before the auditor's views (what each endpoint discloses). */
    public static final String CASE = "case";
    public static final String LETTERS = "letters";
    public static final String LETTER = "letter";
    public static final String LETTER_PREVIEW = "letter-preview";
    public static final String NOTIFICATIONS = "notifications";

    private static final int PARAMETERS_MAX = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    PhiAccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A read of one case: {@code action} says what was read ("case", "timeline", "history", "letter"). */
    public void caseRead(String caseNumber, String action) {
        caseRead(caseNumber, action, null);
    }

    /** The same, with what within the case was read ({@code letter=17}, {@code kind=RESOLUTION}), never patient data. */
    public void caseRead(String caseNumber, String action, String detail) {
        insert(action, caseNumber, null, detail, surface(AccessSurface.API));
    }

    /** A search that listed cases (names among them): the parameters that chose them, never patient data. */
    public void searchRead(String searchName, String parameters) {
        insert("search", null, searchName, parameters, surface(AccessSurface.API));
    }

    /** An export: its name and the parameters that chose its rows (dates, regime), never patient data. */
    public void exportRead(String exportName, String parameters) {
        insert("export", null, exportName, parameters, AccessSurface.EXPORT);
    }

    private void insert(String action, String caseNumber, String exportName, String parameters, AccessSurface surface) {
        String p = parameters == null || parameters.length() <= PARAMETERS_MAX ? parameters
                : parameters.substring(0, PARAMETERS_MAX);
        jdbc.sql("""
                INSERT INTO phi_access_log (accessed_at, actor, surface, action, case_number, export_name, parameters)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), actor(), surface.name(), action,
                        caseNumber, exportName, p)
                .update();
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getName() == null) {
            // a read of PHI nobody signed in for is a defect of the caller: refuse it rather than log "unknown"
            throw new IllegalStateException("PHI read without a signed-in user");
        }
        return auth.getName();
    }

    /** The surface the sign-in filter found for this request; {@code fallback} outside a request. */
    private static AccessSurface surface(AccessSurface fallback) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object value = request == null ? null
                : request.getAttribute(AccessSurface.REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return value instanceof AccessSurface s ? s : fallback;
    }
}
