package org.opengrievance.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Decides whether a deployment (resource name → bytes, as a multipart deployment carries them) may reach
 * the engine: deploying a model must not be a way to run code or to break what the application relies on.
 * Pure: no engine call, no side effect; an empty list means "accept". docs/security.md, "Deployment safety".
 */
@Component
public class DeploymentGuard {

    static final String UNSUPPORTED = "Only BPMN, DMN and Camunda Form files may be deployed.";

    private final BpmnCheck bpmn;
    private final DmnCheck dmn;

    /** In the application: every bean name it has, so an expression naming one not on the allowlist is refused. */
    @Autowired
    public DeploymentGuard(ListableBeanFactory beans) {
        this(applicationBeanNames(beans));
    }

    /** @param applicationBeans bean names that expressions must not name unless {@link AllowedBeans} lists them */
    public DeploymentGuard(Set<String> applicationBeans) {
        ExpressionCheck expressions = new ExpressionCheck(applicationBeans);
        this.bpmn = new BpmnCheck(expressions);
        this.dmn = new DmnCheck(expressions);
    }

    public List<DeploymentViolation> check(Map<String, byte[]> resources) {
        List<DeploymentViolation> violations = new ArrayList<>();
        resources.forEach((resource, bytes) -> violations.addAll(checkOne(resource, bytes)));
        return Collections.unmodifiableList(violations);
    }

    private List<DeploymentViolation> checkOne(String resource, byte[] bytes) {
        if (Resources.endsWith(resource, ".bpmn", ".bpmn20.xml")) {
            return bpmn.check(resource, bytes);
        }
        if (Resources.endsWith(resource, ".dmn", ".dmn11.xml")) {
            return dmn.check(resource, bytes);
        }
        if (Resources.endsWith(resource, ".form")) {
            return FormCheck.check(resource, bytes);
        }
        // CMMN, scripts, HTML forms, anything else: the engine would deploy and use them unchecked
        return List.of(new DeploymentViolation(resource, null, UNSUPPORTED));
    }

    private static Set<String> applicationBeanNames(ListableBeanFactory beans) {
        Set<String> names = new HashSet<>(List.of(beans.getBeanDefinitionNames()));
        ConfigurableListableBeanFactory factory = beans instanceof ConfigurableApplicationContext context
                ? context.getBeanFactory()
                : beans instanceof ConfigurableListableBeanFactory f ? f : null;
        if (factory != null) {
            names.addAll(List.of(factory.getSingletonNames()));
        }
        names.removeIf(name -> name.contains(".") || name.contains("#"));
        return names;
    }
}
