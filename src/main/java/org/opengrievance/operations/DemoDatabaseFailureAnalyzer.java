package org.opengrievance.operations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused demo database into Spring Boot's "APPLICATION FAILED TO START" report. */
public class DemoDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DemoDatabaseRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DemoDatabaseRefusedException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "For production start the postgres profile (SPRING_PROFILES_ACTIVE=postgres, docs/operations.md). To "
                        + "try the demo, leave GRIEVANCE_DB_URL unset (an H2 file under ./data). To run the demo on "
                        + "this database on purpose, set GRIEVANCE_DEMO_ON_ANY_DATABASE=true.",
                cause);
    }
}
