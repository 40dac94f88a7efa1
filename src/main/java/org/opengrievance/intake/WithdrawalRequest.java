package org.opengrievance.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The patient withdrew the grievance: how and when staff learned of it, in their words. */
record WithdrawalRequest(@NotBlank @Size(max = 2000) String note) {
}
