package org.opengrievance.access;

/** Where a read of PHI came from, as the PHI access log records it. */
public enum AccessSurface {
    /** the project's API with HTTP Basic: scripts, auditors' own tools */
    API,
    /** the project's API called from Camunda Cockpit (the auditor's views) with the webapp session */
    COCKPIT,
    /** the project's API called from Camunda Tasklist (a letter link in a form) with the webapp session */
    TASKLIST,
    /** an export file (universe, log, timeliness report) */
    EXPORT;

    /** Request attribute under which the sign-in filter leaves the surface of the current request. */
    public static final String REQUEST_ATTRIBUTE = AccessSurface.class.getName();
}
