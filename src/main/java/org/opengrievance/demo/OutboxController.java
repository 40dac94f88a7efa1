package org.opengrievance.demo;

import java.util.List;

import org.opengrievance.security.Roles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/outbox} (demo profile only): the letters the demo's mail catcher received, for patient
 * relations and the director (to, subject, time, attachment names; open the PDF from the case's letters).
 */
@RestController
@Profile("demo")
@ConditionalOnBean(DemoMailCatcher.class)
class OutboxController {

    private final DemoMailCatcher catcher;

    OutboxController(DemoMailCatcher catcher) {
        this.catcher = catcher;
    }

    @GetMapping("/api/outbox")
    List<DemoMailCatcher.CaughtMessage> outbox(Authentication who) {
        boolean allowed = who != null && who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Roles.PATIENT_RELATIONS) || a.equals(Roles.PR_DIRECTOR));
        if (!allowed) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The outbox is for patient relations and the director.");
        }
        return catcher.messages();
    }
}
