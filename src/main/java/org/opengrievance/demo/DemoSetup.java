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
    private final DemoHistory history;
    private final DemoMonthlyReport monthlyReport;

    DemoSetup(DemoUsers users, DemoCases cases, DemoHistory history, DemoMonthlyReport monthlyReport) {
        this.users = users;
        this.cases = cases;
        this.history = history;
        this.monthlyReport = monthlyReport;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void setUp() {
        users.create();
        // the past months only beside the current cases, on a fresh demo: an existing one keeps what it has
        if (cases.create()) {
            history.create();
        }
        // after the history, so that last month's report shows the past months
        monthlyReport.sendOnce();
    }
}
