package org.opengrievance.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The deployment guard on its own (no Spring): the shipped models pass, the probe's deployments and each
 * kind of code or contract break are refused with the element id, harmless edits pass.
 */
class DeploymentGuardTests {

    /** Some bean names of the application that are not on the allowlist (in the app: all of them). */
    static final Set<String> APPLICATION_BEANS = Set.of("jdbcTemplate", "identityService", "letterService",
            "grievanceCaseService", "dataSource");

    final DeploymentGuard guard = new DeploymentGuard(APPLICATION_BEANS);

    List<DeploymentViolation> check(Map<String, byte[]> resources) {
        return guard.check(resources);
    }

    @Test
    void everyShippedModelPasses() {
        Map<String, byte[]> shipped = ShippedModels.all();
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(21);
        assertThat(check(shipped)).isEmpty();
    }

    @Test
    void readingPasswordsThroughJdbcTemplateIsRefusedNamingTheTask() {
        List<DeploymentViolation> violations = check(ShippedModels.one("probe.bpmn", Probes.READ_PASSWORDS));
        assertThat(violations).extracting(DeploymentViolation::elementId).containsExactly("readPasswords");
        assertThat(violations.get(0).reason()).isEqualTo(ExpressionCheck.COMPONENT)
                .doesNotContain("jdbcTemplate").doesNotContain("ACT_ID_USER");
    }

    @Test
    void grantingOneselfAdministrationThroughIdentityServiceIsRefusedNamingTheTask() {
        List<DeploymentViolation> violations = check(ShippedModels.one("probe.bpmn", Probes.BECOME_ADMIN));
        assertThat(violations).extracting(DeploymentViolation::elementId).containsExactly("becomeAdmin");
        assertThat(violations.get(0).reason()).isEqualTo(ExpressionCheck.COMPONENT).doesNotContain("identityService");
    }

    @Test
    void aMethodCallOnAnUnknownNameIsRefusedEvenWhenTheGuardDoesNotKnowItAsABean() {
        DeploymentGuard knowingNoBeans = new DeploymentGuard(Set.of());
        String unknown = Probes.READ_PASSWORDS.replace("jdbcTemplate", "reportingTemplate");
        assertThat(knowingNoBeans.check(ShippedModels.one("probe.bpmn", unknown)))
                .extracting(DeploymentViolation::reason).containsExactly(ExpressionCheck.METHOD);
    }

    @Test
    void reachingTheEngineThroughTheExecutionIsRefused() {
        String bpmn = ShippedModels.text("grievance.bpmn").replace(
                "<camunda:in businessKey=\"#{execution.processBusinessKey}\" />\n        <camunda:in source=\"caseNumber\" target=\"caseNumber\" />\n        <camunda:in sourceExpression=\"ACKNOWLEDGEMENT\"",
                "<camunda:in businessKey=\"#{execution.processEngineServices.identityService}\" />\n        <camunda:in source=\"caseNumber\" target=\"caseNumber\" />\n        <camunda:in sourceExpression=\"ACKNOWLEDGEMENT\"");
        assertThat(check(ShippedModels.one("grievance.bpmn", bpmn)))
                .containsExactly(new DeploymentViolation("grievance.bpmn", "sendAcknowledgementLetter", ExpressionCheck.ENGINE));
    }

    @Test
    void getClassOnAVariableIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("grievance.bpmn",
                "${classificationResult.classificationRule}", "${classificationResult.class.forName('java.lang.Runtime')}");
        assertThat(check(edited)).extracting(DeploymentViolation::elementId, DeploymentViolation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("classifyComplaint", ExpressionCheck.RUNTIME));
        Map<String, byte[]> called = ShippedModels.edited("grievance.bpmn",
                "${classificationResult.classificationRule}", "${classificationResult.getClass()}");
        assertThat(check(called)).extracting(DeploymentViolation::reason).containsExactly(ExpressionCheck.METHOD);
    }

    @Test
    void aTimerDateNamingAnUnlistedBeanIsRefusedNamingTheEvent() {
        Map<String, byte[]> edited = ShippedModels.edited("hospital-clock.bpmn", "${reminderAt}", "${letterService}");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("hospital-clock.bpmn", "reminderTimer", ExpressionCheck.COMPONENT));
    }

    @Test
    void anAllowedBeanMayOnlyBeCalledThroughItsListedMethods() {
        Map<String, byte[]> edited = ShippedModels.edited("grievance.bpmn",
                "${caseClocks.regimesOf(caseNumber)}", "${caseClocks.stopAll(caseNumber)}");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("grievance.bpmn", "runDeadlineClocks", ExpressionCheck.BEAN_USE));
    }

    @Test
    void aDelegateExpressionMustNameAnAllowedBean() {
        Map<String, byte[]> edited = ShippedModels.edited("letter-delivery.bpmn",
                "camunda:delegateExpression=\"${prepareLetter}\"", "camunda:delegateExpression=\"${letterService}\"");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("letter-delivery.bpmn", "prepareLetter", ExpressionCheck.DELEGATE));
    }

    @Test
    void aClassDelegateOutsideOurPackagesIsRefused() {
        String bpmn = Probes.process("runClass", """
                <bpmn:serviceTask id="runClass" camunda:class="org.springframework.jdbc.core.JdbcTemplate" />
                """);
        assertThat(check(ShippedModels.one("probe.bpmn", bpmn)))
                .containsExactly(new DeploymentViolation("probe.bpmn", "runClass", BpmnCodeScan.CLASS));
        String ours = bpmn.replace("org.springframework.jdbc.core.JdbcTemplate", "org.opengrievance.SomeDelegate");
        assertThat(check(ShippedModels.one("probe.bpmn", ours))).isEmpty();
    }

    @Test
    void aClassListenerOutsideOurPackagesIsRefused() {
        String bpmn = Probes.process("listened", """
                <bpmn:userTask id="listened" camunda:candidateGroups="intake">
                  <bpmn:extensionElements>
                    <camunda:taskListener class="com.example.Listener" event="create" />
                  </bpmn:extensionElements>
                </bpmn:userTask>
                """);
        assertThat(check(ShippedModels.one("probe.bpmn", bpmn)))
                .containsExactly(new DeploymentViolation("probe.bpmn", "listened", BpmnCodeScan.CLASS));
    }

    @Test
    void aScriptTaskIsRefused() {
        String bpmn = Probes.process("runScript", """
                <bpmn:scriptTask id="runScript" scriptFormat="javascript">
                  <bpmn:script>java.lang.Runtime.getRuntime().exec('id')</bpmn:script>
                </bpmn:scriptTask>
                """);
        assertThat(check(ShippedModels.one("probe.bpmn", bpmn)))
                .containsExactly(new DeploymentViolation("probe.bpmn", "runScript", BpmnCodeScan.SCRIPT_TASK));
    }

    @Test
    void aScriptListenerIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("grievance.bpmn",
                "<camunda:taskListener delegateExpression=\"${closureReview}\" event=\"complete\" />",
                "<camunda:taskListener event=\"complete\"><camunda:script scriptFormat=\"groovy\">println 1</camunda:script></camunda:taskListener>");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("grievance.bpmn", "closeGrievance", BpmnCodeScan.SCRIPT));
    }

    @Test
    void aScriptConditionIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("grievance.bpmn",
                "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${hasPlanClock}</bpmn:conditionExpression>",
                "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">true</bpmn:conditionExpression>");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("grievance.bpmn", "planNoticeYes", BpmnCodeScan.SCRIPT));
    }

    @Test
    void anExternalScriptResourceIsRefused() {
        String bpmn = Probes.process("mapped", """
                <bpmn:serviceTask id="mapped" camunda:delegateExpression="${closeCase}">
                  <bpmn:extensionElements>
                    <camunda:inputOutput>
                      <camunda:inputParameter name="closureReason">
                        <camunda:script scriptFormat="groovy" camunda:resource="deployment://reason.groovy" />
                      </camunda:inputParameter>
                    </camunda:inputOutput>
                  </bpmn:extensionElements>
                </bpmn:serviceTask>
                """);
        assertThat(check(ShippedModels.one("probe.bpmn", bpmn))).extracting(DeploymentViolation::reason)
                .containsExactly(BpmnCodeScan.SCRIPT, BpmnCodeScan.EXTERNAL_SCRIPT);
        assertThat(check(Map.of("reason.groovy", "println 1".getBytes())))
                .containsExactly(new DeploymentViolation("reason.groovy", null, DeploymentGuard.UNSUPPORTED));
    }

    @Test
    void anExternalTaskIsRefused() {
        String bpmn = Probes.process("fetchMe", """
                <bpmn:serviceTask id="fetchMe" camunda:type="external" camunda:topic="export" />
                """);
        assertThat(check(ShippedModels.one("probe.bpmn", bpmn)))
                .containsExactly(new DeploymentViolation("probe.bpmn", "fetchMe", BpmnCodeScan.EXTERNAL_TASK));
    }

    @Test
    void anEmbeddedFormKeyIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("letter-delivery.bpmn",
                "camunda:formRef=\"print-letter\" camunda:formRefBinding=\"latest\"",
                "camunda:formKey=\"embedded:deployment:print.html\"");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("letter-delivery.bpmn", "printAndMailLetter", BpmnCodeScan.FORM_KEY));
    }

    @Test
    void renamingAContractIdOfTheGrievanceProcessIsRefused() {
        String grievance = ShippedModels.text("grievance.bpmn").replace("\"confirmClassification\"", "\"checkClassification\"")
                .replace(">confirmClassification<", ">checkClassification<");
        assertThat(grievance).doesNotContain("\"confirmClassification\"");
        assertThat(check(ShippedModels.one("grievance.bpmn", grievance))).containsExactly(
                new DeploymentViolation("grievance.bpmn", "confirmClassification", ProcessContractCheck.ID_LOST));
    }

    @Test
    void renamingTheWithdrawalMessageIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("grievance.bpmn",
                "name=\"GrievanceWithdrawn\"", "name=\"CaseWithdrawn\"");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("grievance.bpmn", "GrievanceWithdrawn", ProcessContractCheck.MESSAGE_LOST));
    }

    @Test
    void aShippedProcessFileWithoutItsKeyIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("investigation.bpmn",
                "<bpmn:process id=\"investigation\"", "<bpmn:process id=\"investigation2\"");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("investigation.bpmn", "investigation", ProcessContractCheck.KEY_LOST));
    }

    @Test
    void aDecisionTableWithoutAnOutputTheCodeReadsIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("deadline-policy.dmn", "name=\"citation\"", "name=\"source\"");
        assertThat(check(edited)).extracting(DeploymentViolation::resource, DeploymentViolation::elementId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("deadline-policy.dmn", "DeadlinePolicy"));
    }

    @Test
    void aRenamedDecisionIdIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("routing.dmn", "<decision id=\"DepartmentRouting\"", "<decision id=\"Routing\"");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("routing.dmn", "DepartmentRouting", DmnCheck.DECISION_LOST));
    }

    @Test
    void aJuelInputExpressionInADecisionGoesThroughTheExpressionCheck() {
        Map<String, byte[]> edited = ShippedModels.edited("routing.dmn",
                "<inputExpression id=\"InputExpression_serviceArea\" typeRef=\"string\">\n          <text>serviceArea</text>",
                "<inputExpression id=\"InputExpression_serviceArea\" typeRef=\"string\" expressionLanguage=\"juel\">\n          <text>${identityService.createMembership('diana','camunda-admin')}</text>");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("routing.dmn", "InputExpression_serviceArea", ExpressionCheck.COMPONENT));
        Map<String, byte[]> harmless = ShippedModels.edited("routing.dmn",
                "<inputExpression id=\"InputExpression_serviceArea\" typeRef=\"string\">\n          <text>serviceArea</text>",
                "<inputExpression id=\"InputExpression_serviceArea\" typeRef=\"string\" expressionLanguage=\"juel\">\n          <text>${serviceArea}</text>");
        assertThat(check(harmless)).isEmpty();
    }

    @Test
    void aScriptInADecisionIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("routing.dmn",
                "<inputExpression id=\"InputExpression_serviceArea\" typeRef=\"string\">",
                "<inputExpression id=\"InputExpression_serviceArea\" typeRef=\"string\" expressionLanguage=\"javascript\">");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("routing.dmn", "InputExpression_serviceArea", DmnCheck.SCRIPT));
    }

    @Test
    void aFormDeclaringAnEditableEngineOwnedFieldIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("forms/confirm-classification.form",
                "\"key\": \"suggestedClassificationLabel\",\n          \"readonly\": true",
                "\"key\": \"suggestedClassificationLabel\",\n          \"readonly\": false");
        List<DeploymentViolation> violations = check(edited);
        assertThat(violations).extracting(DeploymentViolation::resource, DeploymentViolation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("confirm-classification.form", FormCheck.ENGINE_OWNED));
        assertThat(violations.get(0).elementId()).isEqualTo("Context_suggestedClassification");
    }

    @Test
    void aFormThatAddsAnEngineOwnedFieldIsRefusedNamingTheField() {
        String form = """
                {"id": "my-review", "type": "default", "components": [
                  {"id": "Field_deadline", "type": "datetime", "key": "responseDueAt", "label": "New deadline"},
                  {"id": "Field_note", "type": "textarea", "key": "reviewNote", "label": "Note"}]}
                """;
        assertThat(check(ShippedModels.one("my-review.form", form)))
                .containsExactly(new DeploymentViolation("my-review.form", "Field_deadline", FormCheck.ENGINE_OWNED));
    }

    @Test
    void theConfirmationFormMayStillEditTheClassification() {
        String form = ShippedModels.text("forms/confirm-classification.form");
        assertThat(form).contains("\"key\": \"classification\"");
        assertThat(EngineOwnedVariables.NAMES).doesNotContain("classification", "receivedAt", "issue1", "closureReason");
    }

    @Test
    void aShippedFormFileWithAnotherIdIsRefused() {
        Map<String, byte[]> edited = ShippedModels.edited("forms/close-grievance.form",
                "\"id\": \"close-grievance\"", "\"id\": \"close-case\"");
        assertThat(check(edited)).containsExactly(
                new DeploymentViolation("close-grievance.form", "close-grievance", FormCheck.ID_CHANGED));
    }

    @Test
    void aNewRuleInTheDeadlinePolicyIsAccepted() {
        String dmn = ShippedModels.text("deadline-policy.dmn");
        int end = dmn.lastIndexOf("</decisionTable>");
        String rule = dmn.substring(dmn.indexOf("<rule "), dmn.indexOf("</rule>") + "</rule>".length())
                .replaceAll("id=\"([A-Za-z_]+)", "id=\"$1Copy");
        String withRow = dmn.substring(0, end) + rule + "\n    " + dmn.substring(end);
        assertThat(withRow).isNotEqualTo(dmn);
        assertThat(check(ShippedModels.one("deadline-policy.dmn", withRow))).isEmpty();
    }

    @Test
    void aLabelChangeInAFormIsAccepted() {
        Map<String, byte[]> edited = ShippedModels.edited("forms/close-grievance.form",
                "\"label\": \"Closure reason\"", "\"label\": \"Why the case closes\"");
        assertThat(check(edited)).isEmpty();
    }

    @Test
    void theBuiltInDateFunctionsAreAccepted() {
        Map<String, byte[]> edited = ShippedModels.edited("hospital-clock.bpmn", "${reminderAt}", "${dateTime().plusDays(2).toDate()}");
        assertThat(check(edited)).isEmpty();
        Map<String, byte[]> other = ShippedModels.edited("hospital-clock.bpmn", "${reminderAt}", "${dateTime().getChronology()}");
        assertThat(check(other)).extracting(DeploymentViolation::reason).containsExactly(ExpressionCheck.FUNCTION);
    }

    @Test
    void everyResourceOfADeploymentIsChecked() {
        Map<String, byte[]> resources = new HashMap<>(ShippedModels.all());
        resources.put("probe.bpmn", Probes.BECOME_ADMIN.getBytes());
        assertThat(check(resources)).extracting(DeploymentViolation::elementId).containsExactly("becomeAdmin");
    }
}
