package org.opengrievance.deployment;

import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Expressions resolve only the beans of {@link AllowedBeans}. By default the Spring engine resolves every
 * bean of the application context in expressions ({@code ${jdbcTemplate...}}); with a {@code beans} map it
 * resolves only the map's entries. This holds for every model however it was deployed (Java API, auto
 * deployment, engine-rest), not only for what the deployment guard saw.
 *
 * <p>Why the expression manager is set here too: the starter's {@code ProcessEngineFactoryBean} creates the
 * Spring expression manager from {@code getBeans()} before the engine plugins' {@code preInit} runs, so a
 * map set here alone would be read by nothing. {@code ExpressionBeansTests} proves the restriction.
 */
@Component
public class ExpressionBeansConfiguration extends AbstractCamundaConfiguration {

    private final ApplicationContext context;

    public ExpressionBeansConfiguration(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(SpringProcessEngineConfiguration configuration) {
        AllowlistedBeanMap beans = new AllowlistedBeanMap(context);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    }
}
