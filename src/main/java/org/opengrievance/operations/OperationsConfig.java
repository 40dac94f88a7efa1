package org.opengrievance.operations;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Health and metrics for the people who run the engine (docs/operations.md). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperationsProperties.class)
class OperationsConfig {

    /** Outside Spring Security's chain, so a refused or failed intake is timed too. */
    @Bean
    FilterRegistrationBean<IntakeTimer> intakeTimer(MeterRegistry registry) {
        FilterRegistrationBean<IntakeTimer> registration = new FilterRegistrationBean<>(new IntakeTimer(registry));
        registration.addUrlPatterns("/api/grievances");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        registration.setName("intakeTimer");
        return registration;
    }
}
