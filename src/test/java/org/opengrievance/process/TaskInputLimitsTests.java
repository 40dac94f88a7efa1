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
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasRootCauseInstanceOf(org.opengrievance.refusal.Refusal.class)
                .hasMessageContaining("overrideReason").hasMessageContaining("8000");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "U+{0} is refused on completion")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"0007", "000D", "007F", "0085", "009B", "D800"})
    void controlCharactersAreRefusedOnCompletionNamingTheField(String code) {
        Task task = confirmTask();
        String text = "bell" + (char) Integer.parseInt(code, 16) + "ringing";
        assertThatThrownBy(() -> tasks.complete(task.getId(),
                Map.of("classification", "GRIEVANCE", "overrideReason", text)))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class)
                .hasRootCauseInstanceOf(org.opengrievance.refusal.Refusal.class)
                .hasMessageContaining("overrideReason").hasMessageContaining(org.opengrievance.text.PrintableText.RULE)
                .hasMessageNotContaining(text);
        tasks.complete(task.getId(), Map.of("classification", "GRIEVANCE", "overrideReason", "line one\nline two"));
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    }
}
