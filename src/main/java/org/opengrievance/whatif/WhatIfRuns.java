package org.opengrievance.whatif;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who ran a what-if, when, on which decision and with what result (table {@code what_if_run}). */
@Repository
class WhatIfRuns {

    private final JdbcClient jdbc;

    WhatIfRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String actor, Instant at, WhatIfAnswer answer) {
        jdbc.sql("INSERT INTO what_if_run (run_by, run_at, decision_id, evaluated_version, cases_checked, cases_moved)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
                .params(actor, at.atOffset(ZoneOffset.UTC), answer.decisionId(), answer.evaluatedVersion(),
                        answer.casesChecked(), answer.casesMoved())
                .update();
    }
}
