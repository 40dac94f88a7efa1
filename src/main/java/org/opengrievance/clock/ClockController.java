package org.opengrievance.clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.IdentityService;
import org.opengrievance.grievance.Actors;
import org.opengrievance.grievance.CaseView;
import org.opengrievance.grievance.GrievanceCaseService;
import org.opengrievance.regime.Regime;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Events on a running clock: an extension (MA-4, PD-1, MCD-6) or an expedite (MA-7, PD-2). */
@RestController
@RequestMapping("/api/grievances/{caseNumber}/clocks/{regime}")
class ClockController {

    record ExtensionRequest(
            @NotNull Requester requestedBy,
            @NotNull @Min(1) Integer days,
            @NotBlank @Size(max = 2000) String reason,
            @Size(max = 2000) String informationNeeded,
            @Size(max = 2000) String enrolleeInterest) {
    }

    record ExpediteRequest(@NotNull ExpediteTrigger trigger, Boolean drugReceived) {
    }

    private final ClockRequests clocks;
    private final GrievanceCaseService cases;
    private final IdentityService identity;

    ClockController(ClockRequests clocks, GrievanceCaseService cases, IdentityService identity) {
        this.clocks = clocks;
        this.cases = cases;
        this.identity = identity;
    }

    @PostMapping("/extension")
    CaseView extend(@PathVariable String caseNumber, @PathVariable Regime regime,
            @Valid @RequestBody ExtensionRequest request) {
        cases.view(caseNumber);
        clocks.extend(caseNumber, regime, request.requestedBy(), request.days(), request.reason(),
                request.informationNeeded(), request.enrolleeInterest(), Actors.current(identity));
        return cases.view(caseNumber);
    }

    @PostMapping("/expedite")
    CaseView expedite(@PathVariable String caseNumber, @PathVariable Regime regime,
            @Valid @RequestBody ExpediteRequest request) {
        cases.view(caseNumber);
        clocks.expedite(caseNumber, regime, request.trigger(), request.drugReceived(), Actors.current(identity));
        return cases.view(caseNumber);
    }
}
