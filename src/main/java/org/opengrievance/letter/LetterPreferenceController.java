package org.opengrievance.letter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.camunda.bpm.engine.IdentityService;
import org.opengrievance.access.PhiAccessLog;
import org.opengrievance.grievance.Actors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case's letter preference (large print), as intake or patient relations records it when the patient asks.
 * Who set it is the signed-in user, never a submitted value.
 */
@RestController
@RequestMapping("/api/grievances/{caseNumber}/letter-preferences")
class LetterPreferenceController {

    record Request(@NotNull Boolean largePrint) {
    }

    private final LetterPreferences preferences;
    private final IdentityService identity;
    private final PhiAccessLog accessLog;

    LetterPreferenceController(LetterPreferences preferences, IdentityService identity, PhiAccessLog accessLog) {
        this.preferences = preferences;
        this.identity = identity;
        this.accessLog = accessLog;
    }

    @GetMapping
    LetterPreferences.Preference read(@PathVariable String caseNumber) {
        LetterPreferences.Preference p = preferences.of(caseNumber);
        // an auxiliary aid the patient asked for says something about the patient's health: a PHI read
        accessLog.caseRead(caseNumber, "letter-preferences");
        return p;
    }

    @PutMapping
    LetterPreferences.Preference set(@PathVariable String caseNumber, @Valid @RequestBody Request request) {
        return preferences.set(caseNumber, request.largePrint(), Actors.current(identity));
    }
}
