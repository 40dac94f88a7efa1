package org.opengrievance.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * History cleanup as docs/operations.md describes it: a finished case's history is kept for ten years from its
 * end (the plans' 10-year record rule, MA-8/PD-3/MCD-8; the hospital keeps the same), then removed by the
 * cleanup job, which runs only inside the nightly window.
 */
@GrievanceAppTest
class HistoryCleanupTests {

    static final int TTL_DAYS = 3653;

    @Autowired ProcessEngine engine;
    @Autowired ProcessEngineConfigurationImpl configuration;
    @Autowired HistoryService history;
    @Autowired TaskService tasks;
    @Autowired IntakeService intake;

    @Test
    void aFinishedCaseIsRemovedNoEarlierThanTenYearsAfterItEnded() {
        GrievanceCase c = intake.register(Intakes.verbalResolved());
        String taskId = tasks.createTaskQuery().processInstanceId(c.processInstanceId())
                .taskDefinitionKey("confirmClassification").singleResult().getId();
        tasks.complete(taskId, java.util.Map.of("classification", "COMPLAINT"));

        HistoricProcessInstance finished = history.createHistoricProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
        assertThat(finished.getEndTime()).as("the complaint's process ended").isNotNull();
        Instant end = finished.getEndTime().toInstant();
        Instant removal = finished.getRemovalTime().toInstant();
        assertThat(removal).isEqualTo(end.plus(Duration.ofDays(TTL_DAYS)));
        // ten calendar years, whatever leap days lie between
        assertThat(removal).isAfterOrEqualTo(end.atOffset(ZoneOffset.UTC).plusYears(10).toInstant());

        // everything of the case's history goes at the same time as its root
        List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
                .processInstanceId(c.processInstanceId()).list();
        assertThat(steps).isNotEmpty().allSatisfy(step -> assertThat(step.getRemovalTime()).isEqualTo(finished.getRemovalTime()));
    }

    @Test
    void everyShippedModelKeepsItsHistoryTenYears() {
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list())
                .filteredOn(d -> !d.getKey().startsWith("deploymentProbe"))
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(TTL_DAYS));
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().latestVersion().list())
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isEqualTo(TTL_DAYS));
    }

    @Test
    void theCleanupJobIsDueInsideTheNightlyWindow() {
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
        LocalTime start = LocalTime.parse(configuration.getHistoryCleanupBatchWindowStartTime());
        LocalTime stop = LocalTime.parse(configuration.getHistoryCleanupBatchWindowEndTime());
        assertThat(start).isEqualTo(LocalTime.of(1, 0));
        assertThat(stop).isEqualTo(LocalTime.of(5, 0));

        List<Job> jobs = history.findHistoryCleanupJobs();
        assertThat(jobs).isNotEmpty();
        // the engine reads the window in the JVM's zone (the build fixes it, see pom.xml)
        ZoneId engineZone = ZoneId.systemDefault();
        for (Job job : jobs) {
            LocalTime due = job.getDuedate().toInstant().atZone(engineZone).toLocalTime();
            assertThat(due).as("due %s", job.getDuedate()).isBetween(start, stop);
        }
    }
}
