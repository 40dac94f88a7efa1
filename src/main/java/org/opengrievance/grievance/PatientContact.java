package org.opengrievance.grievance;

/** How to reach the patient with a letter, and the facts that decide its required paragraphs. */
public record PatientContact(String email, String address, String memberId, boolean medicareBeneficiary,
        boolean qualityOfCare, boolean prematureDischarge) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
