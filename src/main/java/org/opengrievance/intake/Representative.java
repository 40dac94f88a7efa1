package org.opengrievance.intake;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A representative who filed for the patient or enrollee (E8, 482.13 "the patient's representative", 422.561):
 * who, their relationship, whether documentation of authority is on file, and where their letters go. The clock is
 * not stopped while documentation is requested.
 */
public record Representative(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String relationship,
        @NotNull RepresentativeAuthority authority,
        @Size(max = 500) String address,
        @Email @Size(max = 200) String email) {
}
