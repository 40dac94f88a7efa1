package org.opengrievance.intake;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.camunda.bpm.engine.variable.Variables;
import org.opengrievance.clock.ExpediteTrigger;
import org.opengrievance.letter.LetterLanguages;
import org.opengrievance.config.WithinTimeBounds;
import org.opengrievance.regime.Regime;

/** {@code POST /api/grievances}: a complaint as intake staff or a connected system log it. */
public record IntakeRequest(
        @NotNull Channel channel,
        @NotNull @WithinTimeBounds OffsetDateTime receivedAt,
        @NotBlank @Size(max = IntakeData.MAX_NAME) String patientName,
        @NotBlank @Size(max = IntakeData.MAX_TEXT) String complaintText,
        @NotNull ServiceArea serviceArea,
        Boolean resolvedAtPointOfCare,
        @Size(max = IntakeData.MAX_TEXT) String pointOfCareResolution,
        Boolean responseRequested,
        Boolean abuseOrNeglect,
        Boolean patientHarmOrCopIssue,
        Boolean medicare489Billing,
        Boolean medicareBeneficiary,
        @Pattern(regexp = LetterLanguages.CODE, message = "must be an ISO 639 language code such as en, es or vi") String preferredLanguage,
        @Size(max = 5) List<Regime> regimes,
        @WithinTimeBounds OffsetDateTime originalReceivedAt,
        @WithinTimeBounds OffsetDateTime planReceivedAt,
        ExpediteTrigger expediteTrigger,
        Boolean drugReceived,
        Boolean qualityOfCare,
        Boolean prematureDischarge,
        @Email @Size(max = 200) String patientEmail,
        @Size(max = 500) String patientAddress,
        @Size(max = 50) String memberId,
        Subject subject,
        RequestedAction requestedAction,
        Boolean patientIdentified,
        @jakarta.validation.Valid Representative representative) {

    /** A complaint with contact details, filed by the patient, with what it is about left to the defaults. */
    public IntakeRequest(Channel channel, OffsetDateTime receivedAt, String patientName, String complaintText,
            ServiceArea serviceArea, Boolean resolvedAtPointOfCare, String pointOfCareResolution,
            Boolean responseRequested, Boolean abuseOrNeglect, Boolean patientHarmOrCopIssue,
            Boolean medicare489Billing, Boolean medicareBeneficiary, String preferredLanguage, List<Regime> regimes,
            OffsetDateTime originalReceivedAt, OffsetDateTime planReceivedAt, ExpediteTrigger expediteTrigger,
            Boolean drugReceived, Boolean qualityOfCare, Boolean prematureDischarge, String patientEmail,
            String patientAddress, String memberId) {
        this(channel, receivedAt, patientName, complaintText, serviceArea, resolvedAtPointOfCare,
                pointOfCareResolution, responseRequested, abuseOrNeglect, patientHarmOrCopIssue, medicare489Billing,
                medicareBeneficiary, preferredLanguage, regimes, originalReceivedAt, planReceivedAt, expediteTrigger,
                drugReceived, qualityOfCare, prematureDischarge, patientEmail, patientAddress, memberId, null, null,
                null, null);
    }

    /** A complaint with clock options and no contact details for letters. */
    public IntakeRequest(Channel channel, OffsetDateTime receivedAt, String patientName, String complaintText,
            ServiceArea serviceArea, Boolean resolvedAtPointOfCare, String pointOfCareResolution,
            Boolean responseRequested, Boolean abuseOrNeglect, Boolean patientHarmOrCopIssue,
            Boolean medicare489Billing, Boolean medicareBeneficiary, String preferredLanguage, List<Regime> regimes,
            OffsetDateTime originalReceivedAt, OffsetDateTime planReceivedAt, ExpediteTrigger expediteTrigger,
            Boolean drugReceived) {
        this(channel, receivedAt, patientName, complaintText, serviceArea, resolvedAtPointOfCare,
                pointOfCareResolution, responseRequested, abuseOrNeglect, patientHarmOrCopIssue, medicare489Billing,
                medicareBeneficiary, preferredLanguage, regimes, originalReceivedAt, planReceivedAt, expediteTrigger,
                drugReceived, null, null, null, null, null, null, null, null, null);
    }

    /** The fields of a complaint without clock options: the default regimes of the facility apply. */
    public IntakeRequest(Channel channel, OffsetDateTime receivedAt, String patientName, String complaintText,
            ServiceArea serviceArea, Boolean resolvedAtPointOfCare, String pointOfCareResolution,
            Boolean responseRequested, Boolean abuseOrNeglect, Boolean patientHarmOrCopIssue,
            Boolean medicare489Billing, Boolean medicareBeneficiary, String preferredLanguage) {
        this(channel, receivedAt, patientName, complaintText, serviceArea, resolvedAtPointOfCare,
                pointOfCareResolution, responseRequested, abuseOrNeglect, patientHarmOrCopIssue, medicare489Billing,
                medicareBeneficiary, preferredLanguage, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** The process variables of the start; the same names the start form uses. */
    Map<String, Object> toVariables() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("channel", channel.name());
        vars.put("receivedAt", receivedAt.toString());
        vars.put("patientName", patientName);
        vars.put("complaintText", complaintText);
        vars.put("serviceArea", serviceArea.name());
        vars.put("resolvedAtPointOfCare", Boolean.TRUE.equals(resolvedAtPointOfCare));
        vars.put("pointOfCareResolution", pointOfCareResolution);
        vars.put("responseRequested", Boolean.TRUE.equals(responseRequested));
        vars.put("abuseOrNeglect", Boolean.TRUE.equals(abuseOrNeglect));
        vars.put("patientHarmOrCopIssue", Boolean.TRUE.equals(patientHarmOrCopIssue));
        vars.put("medicare489Billing", Boolean.TRUE.equals(medicare489Billing));
        vars.put("preferredLanguage", preferredLanguage == null ? "en" : preferredLanguage);
        if (regimes != null && !regimes.isEmpty()) {
            vars.put("regimes", String.join(",", regimes.stream().map(Enum::name).toList()));
        }
        vars.put("originalReceivedAt", originalReceivedAt == null ? null : originalReceivedAt.toString());
        vars.put("planReceivedAt", planReceivedAt == null ? null : planReceivedAt.toString());
        vars.put("expediteTrigger", expediteTrigger == null ? null : expediteTrigger.name());
        vars.put("drugReceived", drugReceived);
        vars.put("subject", subject == null ? null : subject.name());
        vars.put("requestedAction", requestedAction == null ? null : requestedAction.name());
        vars.put("patientIdentified", Boolean.TRUE.equals(patientIdentified));
        // case record only: transient, so they never reach the engine's variables or history
        vars.put(IntakeVariables.MEDICARE_BENEFICIARY, Variables.booleanValue(Boolean.TRUE.equals(medicareBeneficiary), true));
        vars.put(IntakeVariables.QUALITY_OF_CARE, Variables.booleanValue(Boolean.TRUE.equals(qualityOfCare), true));
        vars.put(IntakeVariables.PREMATURE_DISCHARGE, Variables.booleanValue(Boolean.TRUE.equals(prematureDischarge), true));
        vars.put(IntakeVariables.PATIENT_EMAIL, Variables.stringValue(patientEmail, true));
        vars.put(IntakeVariables.PATIENT_ADDRESS, Variables.stringValue(patientAddress, true));
        vars.put(IntakeVariables.MEMBER_ID, Variables.stringValue(memberId, true));
        Representative r = representative;
        vars.put(IntakeVariables.FILED_BY, Variables.stringValue(
                (r == null ? FiledBy.PATIENT : FiledBy.REPRESENTATIVE).name(), true));
        vars.put(IntakeVariables.REPRESENTATIVE_NAME, Variables.stringValue(r == null ? null : r.name(), true));
        vars.put(IntakeVariables.REPRESENTATIVE_RELATIONSHIP, Variables.stringValue(r == null ? null : r.relationship(), true));
        vars.put(IntakeVariables.REPRESENTATIVE_AUTHORITY, Variables.stringValue(
                r == null || r.authority() == null ? null : r.authority().name(), true));
        vars.put(IntakeVariables.REPRESENTATIVE_ADDRESS, Variables.stringValue(r == null ? null : r.address(), true));
        vars.put(IntakeVariables.REPRESENTATIVE_EMAIL, Variables.stringValue(r == null ? null : r.email(), true));
        return vars;
    }
}
