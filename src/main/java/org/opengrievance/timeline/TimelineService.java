package org.opengrievance.timeline;

import org.opengrievance.access.PhiAccessLog;
import org.opengrievance.grievance.CaseNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a case's timeline, after recording the read in the PHI access log (in the same transaction). */
@Service
class TimelineService {

    static final String ACTION = "timeline";

    private final TimelineReader reader;
    private final PhiAccessLog accessLog;
    private final JdbcClient jdbc;

    TimelineService(TimelineReader reader, PhiAccessLog accessLog, JdbcClient jdbc) {
        this.reader = reader;
        this.accessLog = accessLog;
        this.jdbc = jdbc;
    }

    @Transactional
    public Timeline read(String caseNumber) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM grievance_case WHERE case_number = ?").param(caseNumber)
                .query(Long.class).single() == 1;
        if (!exists) {
            throw new CaseNotFoundException(caseNumber);
        }
        accessLog.caseRead(caseNumber, ACTION);
        return reader.read(caseNumber);
    }
}
