package org.opengrievance.deployment;

/** Small BPMN files with one task, as a director's probe would deploy them. */
final class Probes {

    private Probes() {
    }

    /** A process start → {@code taskXml} (an element with id {@code taskId}) → end. */
    static String process(String taskId, String taskXml) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    id="probeDefinitions" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="deploymentProbe" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="start" />
                    <bpmn:sequenceFlow id="toTask" sourceRef="start" targetRef="%1$s" />
                    %2$s
                    <bpmn:sequenceFlow id="toEnd" sourceRef="%1$s" targetRef="end" />
                    <bpmn:endEvent id="end" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(taskId, taskXml);
    }

    /** The probe's first expression: read the engine's password hashes through Spring's JdbcTemplate. */
    static final String READ_PASSWORDS = process("readPasswords", """
            <bpmn:serviceTask id="readPasswords" camunda:expression="${jdbcTemplate.queryForList('select ID_, PWD_, SALT_ from ACT_ID_USER')}" />
            """);

    /** The probe's second expression: make oneself an administrator. */
    static final String BECOME_ADMIN = process("becomeAdmin", """
            <bpmn:serviceTask id="becomeAdmin" camunda:expression="${identityService.createMembership('diana','camunda-admin')}" />
            """);
}
