package org.opengrievance.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What readiness and the metrics consider a problem (docs/operations.md, "What to watch").
 *
 * @param overdueAfter a job whose due date lies further back than this is overdue: the job executor should have
 *        picked it up long ago (it polls every few seconds)
 * @param maxOverdueJobs readiness turns DOWN when more jobs than this are overdue on a node that runs jobs
 * @param dueSoon the horizon of the "cases due soon" gauge
 */
@ConfigurationProperties("grievance.operations")
public record OperationsProperties(Duration overdueAfter, Integer maxOverdueJobs, Duration dueSoon) {

    public OperationsProperties {
        overdueAfter = overdueAfter == null ? Duration.ofMinutes(5) : overdueAfter;
        maxOverdueJobs = maxOverdueJobs == null ? 50 : maxOverdueJobs;
        dueSoon = dueSoon == null ? Duration.ofHours(48) : dueSoon;
    }
}
