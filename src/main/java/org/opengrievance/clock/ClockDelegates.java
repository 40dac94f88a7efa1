package org.opengrievance.clock;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.opengrievance.grievance.CaseKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of hospital-clock.bpmn, plan-clock.bpmn and the main process's stop steps. */
@Configuration(proxyBeanMethods = false)
class ClockDelegates {

    @Bean
    JavaDelegate startClock(CaseClocks clocks, SpentTimers spent) {
        return execution -> {
            clocks.publish(execution);
            spent.publish(execution);
        };
    }

    @Bean
    JavaDelegate recomputeClock(CaseClocks clocks, SpentTimers spent) {
        return execution -> {
            clocks.publish(execution);
            spent.publish(execution);
        };
    }

    @Bean
    JavaDelegate remindAssignees(CaseClocks clocks) {
        return clocks::remind;
    }

    @Bean
    JavaDelegate bindFollowUpDate(CaseClocks clocks) {
        return clocks::bindFollowUp;
    }

    @Bean
    JavaDelegate recordBreach(CaseClocks clocks) {
        return clocks::breach;
    }

    @Bean
    JavaDelegate stopClocks(CaseClocks clocks) {
        return execution -> clocks.stopAll(CaseKey.of(execution));
    }
}
