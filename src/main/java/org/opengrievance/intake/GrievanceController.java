package org.opengrievance.intake;

import java.net.URI;
import java.security.Principal;

import jakarta.validation.Valid;

import org.opengrievance.access.PhiAccessLog;
import org.opengrievance.grievance.CaseView;
import org.opengrievance.grievance.GrievanceCaseService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/grievances")
class GrievanceController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final IntakeService intake;
    private final IdempotentIntake idempotent;
    private final GrievanceCaseService cases;
    private final PhiAccessLog accessLog;

    GrievanceController(IntakeService intake, IdempotentIntake idempotent, GrievanceCaseService cases,
            PhiAccessLog accessLog) {
        this.intake = intake;
        this.idempotent = idempotent;
        this.cases = cases;
        this.accessLog = accessLog;
    }

    @PostMapping
    ResponseEntity<Registration> create(@Valid @RequestBody IntakeRequest request,
            @RequestHeader(value = IDEMPOTENCY_KEY, required = false) String key, Principal principal) {
        if (key == null) {
            return created(Registration.of(intake.register(request)));
        }
        IdempotentIntake.Answer answer;
        try {
            answer = idempotent.register(principal.getName(), key, request);
        } catch (DuplicateKeyException raced) {
            // a request with the same key committed first; ours rolled back: answer with the first one's case
            answer = idempotent.replay(principal.getName(), key, request);
        }
        return answer.replayed()
                ? ResponseEntity.ok().location(location(answer.registration())).body(answer.registration())
                : created(answer.registration());
    }

    private static ResponseEntity<Registration> created(Registration registration) {
        return ResponseEntity.created(location(registration)).body(registration);
    }

    private static URI location(Registration registration) {
        return URI.create("/api/grievances/" + registration.caseNumber());
    }

    @GetMapping("/{caseNumber}")
    CaseView read(@PathVariable String caseNumber) {
        CaseView view = cases.view(caseNumber);
        // recorded before the answer leaves: a read the log cannot record fails
        accessLog.caseRead(view.caseNumber(), PhiAccessLog.CASE);
        return view;
    }

    @PostMapping("/{caseNumber}/withdrawal")
    CaseView withdraw(@PathVariable String caseNumber, @Valid @RequestBody WithdrawalRequest request) {
        return cases.withdraw(caseNumber, request.note());
    }
}
