package org.opengrievance.grievance;

/**
 * Who filed the case (E8): {@code E} the patient or enrollee, {@code ER} a representative (the CMS universes'
 * requester codes), with the representative's relationship, whether documentation of authority is on file
 * ({@code ON_FILE}, {@code REQUESTED}, {@code NOT_REQUIRED}) and where their letters go.
 */
public record CaseRequester(String code, String name, String relationship, String authority, String address,
        String email) {

    public static final String PATIENT = "E";
    public static final String REPRESENTATIVE = "ER";

    public static CaseRequester patient() {
        return new CaseRequester(PATIENT, null, null, null, null, null);
    }

    public boolean isRepresentative() {
        return REPRESENTATIVE.equals(code);
    }
}
