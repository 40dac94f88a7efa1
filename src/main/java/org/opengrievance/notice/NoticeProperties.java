package org.opengrievance.notice;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the letters the engine writes by itself print and where they come from: the sender address, the
 * patient relations contact of acknowledgement, interim, extension and classification letters, the QIO of
 * the patient's state (CMS-HOSP-4, MA-6) and the State agency (CMS-HOSP-1).
 */
@Validated
@ConfigurationProperties(prefix = "grievance.notices")
public record NoticeProperties(
        @NotBlank String from,
        @Valid @NotNull Contact contact,
        @Valid @NotNull Qio qio,
        String stateAgency) {

    public record Contact(@NotBlank String name, String title, @NotBlank String phone) {
    }

    public record Qio(@NotBlank String name, @NotBlank String phone, String tty, @NotBlank String address) {
    }
}
