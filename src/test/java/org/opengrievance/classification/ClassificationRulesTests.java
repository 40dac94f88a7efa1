package org.opengrievance.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per rule of the CMS grievance definition (CMS-HOSP-2), evaluated through the decision table
 * a director edits: processes/classification.dmn.
 */
class ClassificationRulesTests {

    static DmnDecision decision;
    static DmnEngine engine;

    @BeforeAll
    static void parse() throws Exception {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = ClassificationRulesTests.class.getResourceAsStream("/processes/classification.dmn")) {
            decision = engine.parseDecision("GrievanceClassification", in);
        }
    }

    /** A verbal complaint resolved at the bedside with no flags: the baseline every rule changes one input of. */
    static Map<String, Object> resolvedVerbal(String channel) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("channel", channel);
        vars.put("resolvedAtPointOfCare", true);
        vars.put("responseRequested", false);
        vars.put("abuseOrNeglect", false);
        vars.put("patientHarmOrCopIssue", false);
        vars.put("medicare489Billing", false);
        vars.put("chosenTrack", null);
        vars.put("caseOwner", "HOSPITAL");
        vars.put("requestedAction", "COMPLAINT");
        vars.put("subject", "CARE");
        vars.put("patientIdentified", false);
        return vars;
    }

    /** A plan enrollee's phone call with no flags: the plan's definitions apply (MA-1). */
    static Map<String, Object> planCall(String requestedAction) {
        Map<String, Object> vars = resolvedVerbal("PHONE");
        vars.put("caseOwner", "PLAN");
        vars.put("requestedAction", requestedAction);
        return vars;
    }

    static void assertRouted(Map<String, Object> vars, String rule, String route) {
        assertClassified(vars, "NOT_A_GRIEVANCE", rule);
        assertThat(classify(vars).<String>getEntry("suggestedRoute")).isEqualTo(route);
        assertThat(classify(vars).<Boolean>getEntry("classificationOverridable")).isTrue();
    }

    static DmnDecisionResultEntries classify(Map<String, Object> vars) {
        return engine.evaluateDecision(decision, vars).getSingleResult();
    }

    static void assertClassified(Map<String, Object> vars, String classification, String rule) {
        DmnDecisionResultEntries result = classify(vars);
        assertThat(result.<String>getEntry("suggestedClassification")).isEqualTo(classification);
        assertThat(result.<String>getEntry("classificationRule")).isEqualTo(rule);
        assertThat(result.<String>getEntry("classificationReason")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LETTER", "EMAIL", "FAX", "PORTAL"})
    void writtenComplaintIsAlwaysAGrievanceEvenIfResolved(String channel) {
        assertClassified(resolvedVerbal(channel), "GRIEVANCE", "CMS-HOSP-2(c)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PHONE", "IN_PERSON"})
    void verbalComplaintResolvedAtTheTimeByStaffPresentIsNotAGrievance(String channel) {
        assertClassified(resolvedVerbal(channel), "COMPLAINT", "CMS-HOSP-2(a)");
    }

    @Test
    void verbalComplaintNotResolvedByStaffPresentIsAGrievance() {
        Map<String, Object> vars = resolvedVerbal("PHONE");
        vars.put("resolvedAtPointOfCare", false);
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(b)");
    }

    @Test
    void requestForAResponseMakesAGrievance() {
        Map<String, Object> vars = resolvedVerbal("IN_PERSON");
        vars.put("responseRequested", true);
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(d)");
    }

    @Test
    void abuseOrNeglectAllegationIsAlwaysAGrievance() {
        Map<String, Object> vars = resolvedVerbal("IN_PERSON");
        vars.put("abuseOrNeglect", true);
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(g)");
    }

    @Test
    void patientHarmOrConditionsOfParticipationIssueIsAlwaysAGrievance() {
        Map<String, Object> vars = resolvedVerbal("PHONE");
        vars.put("patientHarmOrCopIssue", true);
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(g)");
    }

    @Test
    void medicareSection489BillingComplaintIsAGrievance() {
        Map<String, Object> vars = resolvedVerbal("PHONE");
        vars.put("medicare489Billing", true);
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(e)");
    }

    /** The rules without exception (written; abuse or neglect; harm or CoP; Medicare 489 billing; a request for a response). */
    static java.util.stream.Stream<Map<String, Object>> alwaysGrievances() {
        Map<String, Object> written = resolvedVerbal("FAX");
        Map<String, Object> abuse = resolvedVerbal("PHONE");
        abuse.put("abuseOrNeglect", true);
        Map<String, Object> harm = resolvedVerbal("PHONE");
        harm.put("patientHarmOrCopIssue", true);
        Map<String, Object> billing = resolvedVerbal("PHONE");
        billing.put("medicare489Billing", true);
        Map<String, Object> response = resolvedVerbal("IN_PERSON");
        response.put("responseRequested", true);
        return java.util.stream.Stream.of(written, abuse, harm, billing, response);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("alwaysGrievances")
    void aGrievanceWithoutExceptionMayNotBeChangedToAComplaintAndSaysWhy(Map<String, Object> vars) {
        DmnDecisionResultEntries result = classify(vars);
        assertThat(result.<Boolean>getEntry("classificationOverridable")).isFalse();
        assertThat(result.<String>getEntry("classificationOverrideRefusal"))
                .contains("always a grievance (" + result.<String>getEntry("classificationRule") + ")")
                .endsWith("it cannot be changed to a complaint.");
    }

    @Test
    void aVerbalGrievanceNotResolvedAtTheTimeMayBeChangedToAComplaint() {
        Map<String, Object> vars = resolvedVerbal("PHONE");
        vars.put("resolvedAtPointOfCare", false);
        DmnDecisionResultEntries result = classify(vars);
        assertThat(result.<Boolean>getEntry("classificationOverridable")).isTrue();
        assertThat(result.getEntryMap()).doesNotContainKey("classificationOverrideRefusal");
    }

    @Test
    void emailAboutAColdMealIsAGrievanceBecauseItIsWritten() {
        // CMS-HOSP-2 scenario (1): an email complaint, however small, is written
        Map<String, Object> vars = resolvedVerbal("EMAIL");
        vars.put("resolvedAtPointOfCare", false);
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(c)");
    }

    // --- not a grievance at the hospital (CMS-HOSP-2(e), (h)) ---

    @Test
    void verbalUnresolvedBillingDisputeOfAPatientWithoutA489IssueGoesToPatientFinancialServices() {
        // the issue's example: verbal, unresolved, not Medicare 489: not a grievance by default
        Map<String, Object> vars = resolvedVerbal("PHONE");
        vars.put("resolvedAtPointOfCare", false);
        vars.put("subject", "BILLING");
        assertRouted(vars, "CMS-HOSP-2(e)", "PATIENT_FINANCIAL_SERVICES");
    }

    @Test
    void aMedicareBillingComplaintUnder489StaysAGrievanceWhateverItsSubject() {
        Map<String, Object> vars = resolvedVerbal("PHONE");
        vars.put("subject", "BILLING");
        vars.put("medicare489Billing", true);
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(e)");
    }

    @Test
    void aWrittenBillingComplaintIsAGrievanceBecauseItIsWritten() {
        Map<String, Object> vars = resolvedVerbal("LETTER");
        vars.put("subject", "BILLING");
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(c)");
    }

    @Test
    void aBillingDisputeWhosePatientAsksForAFormalResponseIsAGrievance() {
        Map<String, Object> vars = resolvedVerbal("PHONE");
        vars.put("subject", "BILLING");
        vars.put("responseRequested", true);
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(d)");
    }

    @Test
    void surveyCommentWithoutARequestIsFeedbackNotAGrievance() {
        Map<String, Object> vars = resolvedVerbal("SURVEY");
        vars.put("resolvedAtPointOfCare", false);
        vars.put("patientIdentified", true);
        assertRouted(vars, "CMS-HOSP-2(h)", "SURVEY_FEEDBACK");
    }

    @Test
    void anonymousSurveyCommentAskingForACallIsFeedbackBecauseNoPatientIsIdentified() {
        Map<String, Object> vars = resolvedVerbal("SURVEY");
        vars.put("responseRequested", true);
        assertRouted(vars, "CMS-HOSP-2(h)", "SURVEY_FEEDBACK");
    }

    @Test
    void surveyCommentOfAnIdentifiedPatientAskingForResolutionIsAGrievance() {
        Map<String, Object> vars = resolvedVerbal("SURVEY");
        vars.put("patientIdentified", true);
        vars.put("responseRequested", true);
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(h)");
        assertThat(classify(vars).<Boolean>getEntry("classificationOverridable")).isFalse();
    }

    @Test
    void surveyCommentAllegingAbuseIsAGrievance() {
        Map<String, Object> vars = resolvedVerbal("SURVEY");
        vars.put("abuseOrNeglect", true);
        assertClassified(vars, "GRIEVANCE", "CMS-HOSP-2(g)");
    }

    @Test
    void aQuestionWithNoDissatisfactionIsAnInquiryNotAGrievance() {
        Map<String, Object> vars = resolvedVerbal("EMAIL");
        vars.put("requestedAction", "INFORMATION");
        assertRouted(vars, "CMS-HOSP-2", "INQUIRY");
    }

    // --- health plans (MA-1: grievance, organization/coverage determination, appeal, inquiry) ---

    @Test
    void planEnrolleeAskingToReviewADenialIsAnAppeal() {
        assertClassified(planCall("DENIAL_REVIEW"), "APPEAL", "MA-1");
    }

    @Test
    void planEnrolleeAskingForAServiceOrPaymentDecisionIsACoverageRequest() {
        assertClassified(planCall("DECISION"), "COVERAGE_REQUEST", "MA-1");
    }

    @Test
    void planEnrolleeAskingForInformationIsAnInquiry() {
        assertClassified(planCall("INFORMATION"), "INQUIRY", "MA-1");
    }

    @Test
    void planEnrolleeComplainingAboutHowTheyWereTreatedIsAGrievanceEvenWhenResolvedOnTheCall() {
        Map<String, Object> vars = planCall("COMPLAINT");
        assertClassified(vars, "GRIEVANCE", "MA-1");
        assertThat(classify(vars).<Boolean>getEntry("classificationOverridable")).isFalse();
    }

    @Test
    void planBillingComplaintIsAGrievanceNotAHospitalBillingRoute() {
        Map<String, Object> vars = planCall("COMPLAINT");
        vars.put("subject", "BILLING");
        assertClassified(vars, "GRIEVANCE", "MA-1");
    }

    @Test
    void aTrackAPersonAlreadyChoseIsKeptAndCannotBeLowered() {
        Map<String, Object> vars = planCall("COMPLAINT");
        vars.put("chosenTrack", "APPEAL");
        assertClassified(vars, "APPEAL", "E5");
        Map<String, Object> converted = resolvedVerbal("PHONE");
        converted.put("chosenTrack", "GRIEVANCE");
        assertClassified(converted, "GRIEVANCE", "E5");
        assertThat(classify(converted).<Boolean>getEntry("classificationOverridable")).isFalse();
    }
}
