package org.opengrievance.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.springframework.beans.factory.annotation.Autowired;

/** Form limits hold on the server too: a crafted completion cannot store oversized or control-laden text. */
@GrievanceAppTest
class TaskInputLimitsTests {

    @Autowired IntakeService intake;
    @Autowired TaskService tasks;

    Task confirmTask() {
        GrievanceCase c = intake.register(Intakes.written(Channel.LETTER, ServiceArea.NURSING));
        return tasks.createTaskQuery().processInstanceId(c.processInstanceId()).singleResult();
    }

    @Test
    void oversizedTextIsRefusedOnCompletionAndTheTaskStaysOpen() {
        Task task = confirmTask();
        assertThatThrownBy(() -> tasks.complete(task.getId(),
                Map.of("classification", "GRIEVANCE", "overrideReason", "x".repeat(8001))))
                .hasMessageContaining("overrideReason").hasMessageContaining("8000");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void controlCharactersAreRefusedOnCompletionNamingTheField() {
        Task task = confirmTask();
        assertThatThrownBy(() -> tasks.complete(task.getId(),
                Map.of("classification", "GRIEVANCE", "overrideReason", "bell\u0007ringing")))
                .hasMessageContaining("overrideReason").hasMessageContaining("control character");
        tasks.complete(task.getId(), Map.of("classification", "GRIEVANCE", "overrideReason", "line one\nline two"));
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    }
}
