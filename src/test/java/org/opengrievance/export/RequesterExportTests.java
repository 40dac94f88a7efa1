package org.opengrievance.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.clock.CaseClocks;
import org.opengrievance.regime.Regime;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.Representative;
import org.opengrievance.intake.RepresentativeAuthority;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * E8 in the CMS universes: the "Person who made the request" column is the case record's requester, E when the
 * enrollee filed, ER when a representative did (whatever the state of their documentation), in Part C and Part D.
 */
@GrievanceAppTest
class RequesterExportTests {

    @Autowired ProcessEngine engine;
    @Autowired IntakeService intake;
    @Autowired CaseClocks clocks;
    @Autowired MutableClock appClock;
    @Autowired TestUsers users;
    @Autowired ExportFacts facts;
    @Autowired PartCUniverse partC;
    @Autowired PartDUniverse partD;

    ExportCases run;

    @BeforeEach
    void init() {
        AbstractAssertions.init(engine);
        run = new ExportCases(engine, intake, clocks, appClock);
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        appClock.set(GrievanceAppTest.NOW);
        AbstractAssertions.reset();
    }

    /** A plan grievance by phone, logged at {@code receivedAt}, resolved orally an hour later. */
    String resolvedOrally(Regime regime, String receivedAt, Representative representative) {
        IntakeRequest r = new IntakeRequest(Channel.PHONE, OffsetDateTime.parse(receivedAt), Patients.unique(),
                "The pharmacy line kept me on hold for an hour.", ServiceArea.OTHER, false, null, false, false, false,
                false, true, "en", List.of(regime), null, null, null, true, false, false, null, "1 Test Street",
                Patients.memberId(), null, null, null, representative);
        ProcessInstance pi = run.open(r);
        String at = OffsetDateTime.parse(receivedAt).plusHours(1).toString();
        run.at(at);
        var answer = users.as(Role.PATIENT_RELATIONS).post().uri("/api/grievances/" + pi.getBusinessKey()
                        + "/notifications/oral").contentType(MediaType.APPLICATION_JSON)
                .body("{\"kind\":\"RESOLUTION\",\"notifiedAt\":\"" + at + "\",\"summary\":\"Explained the hold times.\"}")
                .retrieve().toBodilessEntity();
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return pi.getBusinessKey();
    }

    /** Each case's "Person who made the request" cell of the universe for February 2025. */
    Map<String, String> requesterCells(Layout universe, Regime regime) {
        List<GrievanceFacts> february = facts.grievances(List.of(regime),
                new ReceiptRange(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 28)));
        int column = universe.columns().stream().map(Column::header).toList().indexOf(PartCUniverse.REQUESTER);
        Map<String, String> cells = new LinkedHashMap<>();
        for (ExportTable.Row row : universe.rows(february)) {
            cells.put(row.key(), row.cells().get(column));
        }
        return cells;
    }

    static Representative representative(RepresentativeAuthority authority) {
        return new Representative("Jordan Representa", "son", authority, "77 Elm Court", null);
    }

    @Test
    void theUniversesSayEForTheEnrolleeAndErForARepresentative() {
        String enrollee = resolvedOrally(Regime.MEDICARE_ADVANTAGE, "2025-02-03T10:00:00-06:00", null);
        String onFile = resolvedOrally(Regime.MEDICARE_ADVANTAGE, "2025-02-04T10:00:00-06:00",
                representative(RepresentativeAuthority.ON_FILE));
        String requested = resolvedOrally(Regime.MEDICARE_ADVANTAGE, "2025-02-05T10:00:00-06:00",
                representative(RepresentativeAuthority.REQUESTED));
        assertThat(requesterCells(partC, Regime.MEDICARE_ADVANTAGE))
                .containsEntry(enrollee, "E").containsEntry(onFile, "ER").containsEntry(requested, "ER");

        String drugEnrollee = resolvedOrally(Regime.PART_D, "2025-02-06T10:00:00-06:00", null);
        String drugRepresentative = resolvedOrally(Regime.PART_D, "2025-02-07T10:00:00-06:00",
                representative(RepresentativeAuthority.NOT_REQUIRED));
        assertThat(requesterCells(partD, Regime.PART_D))
                .containsEntry(drugEnrollee, "E").containsEntry(drugRepresentative, "ER");
    }
}
