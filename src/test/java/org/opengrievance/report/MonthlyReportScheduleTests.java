package org.opengrievance.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly report runs by itself at 00:00 in the facility's zone (America/Chicago) on the first business day
 * of each month, whatever the JVM's zone (the suite runs at +14): the timer's job is due at exactly that
 * instant, past weekends, New Year's Day and daylight-saving changes; the due job builds one report, of the
 * month that just ended, and the timer is set for the next month.
 */
@GrievanceAppTest
class MonthlyReportScheduleTests {

    /** Directors with an address (other tests give them one) get the scheduled report too. */
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    @Autowired MutableClock clock;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void reset() {
        // the timer back where the shared context has it: the first run after the suite's NOW
        now(GrievanceAppTest.NOW);
        management.recalculateJobDuedate(timer().getId(), false);
        ClockUtil.reset();
        clock.set(GrievanceAppTest.NOW);
    }

    void now(Instant instant) {
        clock.set(instant);
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    Job timer() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(MonthlyReportProcess.SCHEDULE_KEY)
                .latestVersion().singleResult().getId();
        return management.createJobQuery().processDefinitionId(definition).timers().singleResult();
    }

    Instant dueAfter(String now) {
        now(Instant.parse(now));
        management.recalculateJobDuedate(timer().getId(), false);
        return timer().getDuedate().toInstant();
    }

    @Test
    void theTimerIsDueAtTheFacilitysMidnightOfTheFirstBusinessDayWhateverTheJvmZone() {
        assertThat(ZoneId.systemDefault().getRules().getOffset(GrievanceAppTest.NOW).getTotalSeconds())
                .as("the suite's JVM runs far from Chicago").isEqualTo(14 * 3600);
        // Sunday 1 November 2026, the day daylight saving time ends: Monday 2nd, 00:00 CST
        assertThat(dueAfter("2026-10-15T12:00:00Z")).isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
        // New Year's Day 2027 is a Friday: Monday 4 January
        assertThat(dueAfter("2026-12-10T18:00:00Z")).isEqualTo(Instant.parse("2027-01-04T06:00:00Z"));
        // Saturday 1 May 2027: Monday 3rd, 00:00 CDT
        assertThat(dueAfter("2027-04-20T12:00:00Z")).isEqualTo(Instant.parse("2027-05-03T05:00:00Z"));
        // Monday 1 March 2027, still CST (DST begins on the 14th)
        assertThat(dueAfter("2027-02-10T12:00:00Z")).isEqualTo(Instant.parse("2027-03-01T06:00:00Z"));
        // a minute before the facility's midnight of Tuesday 1 June 2027 (CDT): that very midnight
        assertThat(dueAfter("2027-06-01T04:59:00Z")).isEqualTo(Instant.parse("2027-06-01T05:00:00Z"));
    }

    @Test
    void theDueJobBuildsExactlyOneReportOfTheMonthThatEndedAndSetsTheNextRun() {
        Instant due = dueAfter("2026-10-15T12:00:00Z");
        assertThat(due).isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
        long before = scheduled("2026-10");
        now(due);
        management.executeJob(timer().getId());
        // the next run: Tuesday 1 December 2026, 00:00 CST
        assertThat(timer().getDuedate().toInstant()).isEqualTo(Instant.parse("2026-12-01T06:00:00Z"));
        runReportJobs();
        assertThat(scheduled("2026-10")).isEqualTo(before + 1);
        assertThat(scheduled("2026-11")).isZero();
    }

    long scheduled(String month) {
        return jdbc.sql("SELECT COUNT(*) FROM monthly_report WHERE report_month = ? AND built_by = 'schedule'")
                .param(month).query(Long.class).single();
    }

    /** The build and email jobs of the report instances, as the job executor would run them. */
    void runReportJobs() {
        for (int round = 0; round < 4; round++) {
            List<Job> jobs = management.createJobQuery().processDefinitionKey(MonthlyReportProcess.KEY).list()
                    .stream().filter(j -> j.getProcessInstanceId() != null).toList();
            for (Job job : jobs) {
                management.executeJob(job.getId());
            }
        }
    }
}
