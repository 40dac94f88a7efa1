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

    /**
     * Header a caller with the webapp session sends to say it is Cockpit ({@code cockpit}): the Cockpit plugin
     * sends it with every fetch. Without it a session request counts as Tasklist (a letter link in a form cannot
     * send headers). Honoured only for users who may open Cockpit; it labels the read, the actor is the session's.
     */
    public static final String HEADER = "X-Grievance-Surface";
}
