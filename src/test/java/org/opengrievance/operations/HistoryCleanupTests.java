package org.opengrievance.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /** The ids of {@code element} in the shipped model files of that extension (processes/). */
    static List<String> shipped(String extension, String element) throws IOException {
        Pattern id = Pattern.compile("<" + Pattern.quote(element) + " id=\"([^\"]+)\"");
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(extension)).sorted().toList()) {
                Matcher m = id.matcher(Files.readString(file));
                while (m.find()) {
                    ids.add(m.group(1));
                }
            }
        }
        return ids;
    }

    @Test
    void everyShippedModelKeepsItsHistoryTenYears() throws IOException {
        // each model of processes/, as the engine deployed it (its latest version)
        List<String> processes = shipped(".bpmn", "bpmn:process");
        assertThat(processes).containsExactlyInAnyOrder("grievance", "investigation", "hospitalClock", "planClock",
                "letterDelivery", "caseChange", "monthlyReport",
                "monthlyReportSchedule");
        for (String key : processes) {
            var definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
                    .latestVersion().singleResult();
            assertThat(definition).as(key + " deployed").isNotNull();
            assertThat(definition.getHistoryTimeToLive()).as(key).isEqualTo(TTL_DAYS);
        }
        List<String> decisions = shipped(".dmn", "decision");
        assertThat(decisions).containsExactlyInAnyOrder("GrievanceClassification", "DeadlinePolicy", "DepartmentRouting",
                "HandOffDeadline");
        for (String key : decisions) {
            var definition = engine.getRepositoryService().createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .latestVersion().singleResult();
            assertThat(definition).as(key + " deployed").isNotNull();
            assertThat(definition.getHistoryTimeToLive()).as(key).isEqualTo(TTL_DAYS);
        }
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
