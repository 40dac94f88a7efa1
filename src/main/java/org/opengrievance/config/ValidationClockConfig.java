package org.opengrievance.config;

import java.time.Clock;

import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code @PastOrPresent} and friends judge "now" by the application's clock, not the machine's. */
@Configuration(proxyBeanMethods = false)
class ValidationClockConfig {

    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }
}
