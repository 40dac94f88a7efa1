package org.opengrievance.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Demo mode only ({@code grievance.demo.enabled}, on in the default profile, off under postgres). */
@Component
@ConditionalOnProperty(name = "grievance.demo.enabled", havingValue = "true")
class DemoSetup {

    private final DemoUsers users;
    private final DemoCases cases;
    private final DemoMonthlyReport monthlyReport;

    DemoSetup(DemoUsers users, DemoCases cases, DemoMonthlyReport monthlyReport) {
        this.users = users;
        this.cases = cases;
        this.monthlyReport = monthlyReport;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void setUp() {
        users.create();
        cases.create();
        monthlyReport.sendOnce();
    }
}
