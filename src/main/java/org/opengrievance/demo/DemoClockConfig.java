package org.opengrievance.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** In demo mode the application's clock is the {@link DemoClock}, which the demo's past months move. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "grievance.demo.enabled", havingValue = "true")
class DemoClockConfig {

    @Bean
    @Primary
    DemoClock demoClock() {
        return new DemoClock();
    }
}
