package org.opengrievance.operations;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.opengrievance.security.EngineAsSystem;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Part of readiness ({@code /actuator/health/readiness}): a node whose job executor should run but does not, or
 * that leaves more than {@code grievance.operations.max-overdue-jobs} jobs overdue, is not ready. Timers (deadline
 * reminders, escalations, breaches) and letter emails are jobs: a node that does not run them silently misses
 * deadlines. A node started with {@code camunda.bpm.job-execution.enabled=false} (a web-only node; the tests) does
 * not run jobs by design and is not judged by them; the job metrics show the backlog for the whole cluster.
 */
// this bean name replaces the Camunda starter's indicator of the same name (UP when active, nothing more); the
// health component is still called "jobExecutor"
@Component("jobExecutorHealthIndicator")
class JobExecutorHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngineConfigurationImpl engine;
    private final ManagementService management;
    private final OperationsProperties limits;
    private final Clock clock;
    private final boolean shouldRun;
    private final EngineAsSystem system;

    JobExecutorHealthIndicator(ProcessEngineConfigurationImpl engine, ManagementService management,
            OperationsProperties limits, Clock clock, EngineAsSystem system,
            @org.springframework.beans.factory.annotation.Value("${camunda.bpm.job-execution.enabled:true}") boolean shouldRun) {
        super("The job executor check failed");
        this.engine = engine;
        this.management = management;
        this.limits = limits;
        this.clock = clock;
        this.shouldRun = shouldRun;
        this.system = system;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        if (!shouldRun) {
            health.up().withDetail("runsJobs", false);
            return;
        }
        JobExecutor executor = engine.getJobExecutor();
        boolean active = executor != null && executor.isActive();
        // the application's clock, like every deadline; one indexed count on ACT_RU_JOB, of all jobs whoever asks
        Date overdueBefore = Date.from(clock.instant().minus(limits.overdueAfter()));
        long overdue = system.call(() -> management.createJobQuery().active().withRetriesLeft()
                .duedateLowerThan(overdueBefore).count());
        health.withDetail("runsJobs", true).withDetail("active", active).withDetail("overdueJobs", overdue)
                .withDetail("maxOverdueJobs", limits.maxOverdueJobs());
        if (active && overdue <= limits.maxOverdueJobs()) {
            health.up();
        } else {
            health.down();
        }
    }
}
