package org.opengrievance.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.regime.Regime;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.Patients;
import org.springframework.beans.factory.annotation.Autowired;

/** The clock lengths are the director's decision table, not constants: a new table version changes the clock. */
@GrievanceAppTest
class DeadlinePolicyTableTests {

    @Autowired RepositoryService repository;
    @Autowired DeadlinePolicies policies;
    @Autowired IntakeService intake;
    @Autowired CaseClocks clocks;

    IntakeRequest maGrievance() {
        return new IntakeRequest(Channel.LETTER, Intakes.RECEIVED, Patients.unique(), "Slow answers.", ServiceArea.OTHER,
                false, null, false, false, false, false, true, "en", List.of(Regime.MEDICARE_ADVANTAGE), null, null,
                null, null);
    }

    @Test
    void changingTheDecisionTableChangesTheClock() throws Exception {
        GrievanceCase before = intake.register(maGrievance());
        assertThat(clocks.of(before.caseNumber()).get(0).bindingDueAt())
                .isEqualTo(OffsetDateTime.parse("2027-01-03T23:59:59.999-06:00").toInstant());

        String table;
        try (InputStream in = getClass().getResourceAsStream("/processes/deadline-policy.dmn")) {
            table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String marker = "<outputEntry id=\"OutputEntry_medicareAdvantageStandard_length\">\n          <text>30</text>";
        assertThat(table).contains(marker);
        String edited = table.replace(marker, marker.replace("<text>30</text>", "<text>21</text>"));
        Deployment deployment = repository.createDeployment().name("director edit in Modeler")
                .addString("deadline-policy.dmn", edited).deploy();
        try {
            assertThat(policies.require(Regime.MEDICARE_ADVANTAGE, ClockKind.STANDARD).length()).isEqualTo(21);
            GrievanceCase after = intake.register(maGrievance());
            ClockState clock = clocks.of(after.caseNumber()).get(0);
            assertThat(clock.bindingDueAt()).isEqualTo(OffsetDateTime.parse("2026-12-25T23:59:59.999-06:00").toInstant());
            assertThat(clock.policySource()).isNotEqualTo(clocks.of(before.caseNumber()).get(0).policySource());
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
        assertThat(policies.require(Regime.MEDICARE_ADVANTAGE, ClockKind.STANDARD).length()).isEqualTo(30);
    }
}
