package org.opengrievance.relink;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.opengrievance.grievance.CaseRequester;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.PatientContact;
import org.opengrievance.intake.FiledBy;
import org.opengrievance.intake.IntakeVariables;

/**
 * The start of a new linked case: the variables the intake gives a grievance (the same names as the start form
 * and {@code POST /api/grievances}), copied from the case it comes from, with the track the person chose in
 * {@code chosenTrack} (the classification table's first rule returns it) and the receipts its clocks count from.
 * The contact details and who filed go as transient variables, as intake passes them: they reach the case
 * record only.
 *
 * @param receivedAt         the new case's receipt: when the patient asked (a conversion), else the first case's
 * @param originalReceivedAt what the clocks count from when it is earlier than {@code receivedAt}, else null
 * @param complaintText      the part of the complaint the new case is about (a split), else the first case's text
 */
record NewLinkedCase(SourceCase source, Track track, Instant receivedAt, Instant originalReceivedAt,
        String complaintText, boolean responseRequested) {

    Map<String, Object> variables() {
        GrievanceCase c = source.record();
        ZoneId zone = source.zone();
        Map<String, Object> facts = source.intakeFacts();
        Map<String, Object> vars = new HashMap<>();
        vars.put("channel", c.channel());
        vars.put("receivedAt", receivedAt.atZone(zone).toOffsetDateTime().toString());
        vars.put("patientName", c.patientName());
        vars.put("complaintText", complaintText != null ? complaintText : c.complaintText());
        vars.put("serviceArea", c.serviceArea());
        // a grievance is not resolved at the point of care: that is why it is one
        vars.put("resolvedAtPointOfCare", false);
        vars.put("responseRequested", responseRequested || Boolean.TRUE.equals(facts.get("responseRequested")));
        for (String flag : new String[] {"abuseOrNeglect", "patientHarmOrCopIssue", "medicare489Billing"}) {
            vars.put(flag, Boolean.TRUE.equals(facts.get(flag)));
        }
        vars.put("preferredLanguage", c.preferredLanguage());
        vars.put("regimes", String.join(",", source.regimes()));
        vars.put("originalReceivedAt", originalReceivedAt == null ? null
                : originalReceivedAt.atZone(zone).toOffsetDateTime().toString());
        vars.put("planReceivedAt", source.planReceivedAt() == null ? null
                : source.planReceivedAt().atZone(zone).toOffsetDateTime().toString());
        for (String code : new String[] {"subject", "requestedAction", "patientIdentified"}) {
            if (facts.containsKey(code)) {
                vars.put(code, facts.get(code));
            }
        }
        vars.put(IntakeVariables.CHOSEN_TRACK, track.name());
        PatientContact contact = source.contact();
        vars.put(IntakeVariables.MEDICARE_BENEFICIARY, Variables.booleanValue(contact.medicareBeneficiary(), true));
        vars.put(IntakeVariables.QUALITY_OF_CARE, Variables.booleanValue(contact.qualityOfCare(), true));
        vars.put(IntakeVariables.PREMATURE_DISCHARGE, Variables.booleanValue(contact.prematureDischarge(), true));
        vars.put(IntakeVariables.PATIENT_EMAIL, Variables.stringValue(contact.email(), true));
        vars.put(IntakeVariables.PATIENT_ADDRESS, Variables.stringValue(contact.address(), true));
        vars.put(IntakeVariables.MEMBER_ID, Variables.stringValue(contact.memberId(), true));
        CaseRequester r = source.requester();
        FiledBy filedBy = r.isRepresentative() ? FiledBy.REPRESENTATIVE : FiledBy.PATIENT;
        vars.put(IntakeVariables.FILED_BY, Variables.stringValue(filedBy.name(), true));
        if (r.isRepresentative()) {
            vars.put(IntakeVariables.REPRESENTATIVE_NAME, Variables.stringValue(r.name(), true));
            vars.put(IntakeVariables.REPRESENTATIVE_RELATIONSHIP, Variables.stringValue(r.relationship(), true));
            vars.put(IntakeVariables.REPRESENTATIVE_AUTHORITY, Variables.stringValue(r.authority(), true));
            vars.put(IntakeVariables.REPRESENTATIVE_ADDRESS, Variables.stringValue(r.address(), true));
            vars.put(IntakeVariables.REPRESENTATIVE_EMAIL, Variables.stringValue(r.email(), true));
        }
        return vars;
    }
}
