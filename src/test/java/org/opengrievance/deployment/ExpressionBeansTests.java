package org.opengrievance.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The engine resolves only the beans of {@link AllowedBeans} in expressions, also for a model deployed
 * through the Java API (which the deployment guard never sees); and the list covers what the models use.
 */
@GrievanceAppTest
class ExpressionBeansTests {

    static final String NAME = "expression-beans-check";

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ApplicationContext context;
    @Autowired DeploymentGuard guard;

    @AfterEach
    void removeDeployments() {
        for (Deployment d : repository.createDeploymentQuery().deploymentName(NAME).list()) {
            repository.deleteDeployment(d.getId(), true);
        }
    }

    void deployBypassingTheGuard(String taskId, String expression) {
        String bpmn = Probes.process(taskId, """
                <bpmn:serviceTask id="%s" camunda:expression="%s" camunda:resultVariable="result" />
                """.formatted(taskId, expression));
        repository.createDeployment().name(NAME).addString("expression-beans.bpmn", bpmn).deploy();
    }

    @Test
    void anExpressionNamingANonAllowlistedBeanDoesNotResolve() {
        assertThat(context.containsBean("jdbcTemplate")).isTrue();
        deployBypassingTheGuard("readUsers", "${jdbcTemplate.queryForList('select ID_ from ACT_ID_USER')}");
        assertThatExceptionOfType(ProcessEngineException.class)
                .isThrownBy(() -> runtime.startProcessInstanceByKey("deploymentProbe"))
                .withMessageContaining("Unknown property used in expression");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("deploymentProbe").count()).isZero();
    }

    @Test
    void anAllowlistedBeanStillResolves() {
        deployBypassingTheGuard("splitIds", "${resolutionLetters.ids('7, 9')}");
        String id = runtime.startProcessInstanceByKey("deploymentProbe").getId();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
        // the bean was called: its answer is the task's result
        ObjectValue result = (ObjectValue) history.createHistoricVariableInstanceQuery().processInstanceId(id)
                .variableName("result").disableCustomObjectDeserialization().singleResult().getTypedValue();
        assertThat(result.getValueSerialized()).isEqualTo("[7,9]");
        assertThat(repository.createDeploymentQuery().deploymentName(NAME).count()).isOne();
    }

    @Test
    void everyAllowlistedBeanExists() {
        assertThat(AllowedBeans.NAMES).allSatisfy(name -> assertThat(context.containsBean(name)).as(name).isTrue());
    }

    @Test
    void everyBeanTheShippedModelsNameIsOnTheAllowlist() {
        Pattern root = Pattern.compile("[$#]\\{\\s*!?\\s*([A-Za-z_][A-Za-z0-9_]*)");
        Set<String> beansNamed = new TreeSet<>();
        ShippedModels.all().forEach((resource, bytes) -> {
            if (resource.endsWith(".bpmn")) {
                Matcher m = root.matcher(new String(bytes));
                while (m.find()) {
                    if (context.containsBean(m.group(1))) {
                        beansNamed.add(m.group(1));
                    }
                }
            }
        });
        assertThat(beansNamed).hasSizeGreaterThanOrEqualTo(20);
        assertThat(AllowedBeans.NAMES).containsAll(beansNamed);
    }

    @Test
    void theApplicationsGuardKnowsItsBeansAndPassesTheShippedModels() {
        assertThat(guard.check(ShippedModels.all())).isEmpty();
        List<DeploymentViolation> refused = guard.check(ShippedModels.one("probe.bpmn",
                Probes.process("callService", "<bpmn:serviceTask id=\"callService\" camunda:expression=\"${letterService}\" />")));
        assertThat(refused).containsExactly(new DeploymentViolation("probe.bpmn", "callService", ExpressionCheck.COMPONENT));
        assertThat(Map.of("letterService", context.containsBean("letterService"))).containsEntry("letterService", true);
    }
}
