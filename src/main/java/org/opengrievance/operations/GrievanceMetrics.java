package org.opengrievance.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.opengrievance.regime.Regime;
import org.opengrievance.security.EngineAsSystem;
import org.springframework.stereotype.Component;

/**
 * The gauges of docs/operations.md ("What each metric means"). Each reads one count at scrape time (the case
 * tables, the engine's runtime job and incident tables), so every node reports the same cluster-wide numbers and
 * a restart loses nothing. The engine counts run as the system: the scraper's account holds no engine rights, and
 * a count of all jobs or incidents reveals no case (EngineAsSystem: a consequence, never a wider read).
 */
@Component
class GrievanceMetrics implements MeterBinder {

    /** The letter process: its open incidents are emails that failed every retry. */
    static final String LETTER_PROCESS = "letterDelivery";

    private final CaseCounts cases;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final EngineAsSystem system;

    GrievanceMetrics(CaseCounts cases, ManagementService management, RuntimeService runtime, EngineAsSystem system) {
        this.cases = cases;
        this.management = management;
        this.runtime = runtime;
        this.system = system;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Regime regime : Regime.values()) {
            Gauge.builder("grievance.cases.open", cases, c -> c.open(regime)).tag("regime", regime.name())
                    .description("Open cases running a clock of this regime").register(registry);
            Gauge.builder("grievance.cases.due.soon", cases, c -> c.dueSoon(regime)).tag("regime", regime.name())
                    .description("Open cases whose response under this regime is due within the due-soon horizon")
                    .register(registry);
            Gauge.builder("grievance.cases.late", cases, c -> c.late(regime)).tag("regime", regime.name())
                    .description("Open cases past their response deadline under this regime").register(registry);
        }
        Gauge.builder("grievance.jobs.executable", management,
                        m -> system.call(() -> m.createJobQuery().executable().count()))
                .description("Engine jobs due now and not yet run: timers, async steps, letter emails")
                .register(registry);
        Gauge.builder("grievance.jobs.failed", management, m -> system.call(() -> m.createJobQuery().noRetriesLeft().count()))
                .description("Engine jobs that failed every retry (retries 0); each has an incident").register(registry);
        Gauge.builder("grievance.incidents.open", runtime, r -> system.call(() -> r.createIncidentQuery().count()))
                .description("Open engine incidents as Cockpit counts them (a failure in a called process also on its caller)").register(registry);
        FunctionCounter.builder("grievance.letters.sent", cases, CaseCounts::lettersSent)
                .description("Letters sent, by email or post, since the database was created").register(registry);
        Gauge.builder("grievance.letters.failed", runtime,
                        r -> system.call(() -> r.createIncidentQuery().processDefinitionKeyIn(LETTER_PROCESS).count()))
                .description("Letters whose delivery failed every retry and waits in Cockpit").register(registry);
    }
}
