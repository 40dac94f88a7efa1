package org.opengrievance.intake;

import java.net.URI;

import jakarta.validation.Valid;

import org.opengrievance.grievance.CaseView;
import org.opengrievance.grievance.GrievanceCaseService;
import org.opengrievance.grievance.GrievanceCase;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/grievances")
class GrievanceController {

    private final IntakeService intake;
    private final GrievanceCaseService cases;

    GrievanceController(IntakeService intake, GrievanceCaseService cases) {
        this.intake = intake;
        this.cases = cases;
    }

    @PostMapping
    ResponseEntity<Registration> create(@Valid @RequestBody IntakeRequest request) {
        GrievanceCase created = intake.register(request);
        return ResponseEntity.created(URI.create("/api/grievances/" + created.caseNumber()))
                .body(Registration.of(created));
    }

    @GetMapping("/{caseNumber}")
    CaseView read(@PathVariable String caseNumber) {
        return cases.view(caseNumber);
    }

    @PostMapping("/{caseNumber}/withdrawal")
    CaseView withdraw(@PathVariable String caseNumber, @Valid @RequestBody WithdrawalRequest request) {
        return cases.withdraw(caseNumber, request.note());
    }
}
