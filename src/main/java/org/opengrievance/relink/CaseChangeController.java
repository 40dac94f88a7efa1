package org.opengrievance.relink;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API of {@link CaseChanges}: each answers 201 with the new case(s), {@code Location} naming the (first) new
 * case. Roles: intake, patient relations and the director (SecurityConfig).
 */
@RestController
@RequestMapping("/api/grievances/{caseNumber}")
class CaseChangeController {

    private final CaseChanges changes;

    CaseChangeController(CaseChanges changes) {
        this.changes = changes;
    }

    @PostMapping("/conversion")
    ResponseEntity<CaseChange> convert(@PathVariable String caseNumber, @Valid @RequestBody ConversionRequest request) {
        return created(changes.convert(caseNumber, request.requestedAt(), request.reason()));
    }

    @PostMapping("/reclassification")
    ResponseEntity<CaseChange> reclassify(@PathVariable String caseNumber,
            @Valid @RequestBody ReclassificationRequest request) {
        return created(changes.reclassify(caseNumber, request.classification(), request.reason()));
    }

    @PostMapping("/split")
    ResponseEntity<CaseChange> split(@PathVariable String caseNumber, @Valid @RequestBody SplitRequest request) {
        return created(changes.split(caseNumber, request.parts(), request.reason()));
    }

    private static ResponseEntity<CaseChange> created(CaseChange change) {
        return ResponseEntity.created(URI.create("/api/grievances/" + change.newCases().get(0).caseNumber()))
                .body(change);
    }
}
