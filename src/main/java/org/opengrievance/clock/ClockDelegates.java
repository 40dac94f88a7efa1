package org.opengrievance.clock;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bean names the service tasks of hospital-clock.bpmn, plan-clock.bpmn and the main process's stop steps
 * name ({@code ${startClock}}, …), each wired to its step in {@link ClockSteps}.
 */
@Configuration(proxyBeanMethods = false)
class ClockDelegates {

    @Bean
    JavaDelegate startClock(ClockSteps steps, SpentTimers spent) {
        return execution -> {
            steps.publish(execution);
            spent.publish(execution);
        };
    }

    @Bean
    JavaDelegate recomputeClock(ClockSteps steps, SpentTimers spent) {
        return execution -> {
            steps.publish(execution);
            spent.publish(execution);
        };
    }

    @Bean
    JavaDelegate remindAssignees(ClockSteps steps) {
        return steps::remind;
    }

    @Bean
    JavaDelegate bindFollowUpDate(ClockSteps steps) {
        return steps::bindFollowUp;
    }

    @Bean
    JavaDelegate recordBreach(ClockSteps steps) {
        return steps::breach;
    }

    @Bean
    JavaDelegate stopClocks(ClockSteps steps) {
        return steps::stopAll;
    }
}
