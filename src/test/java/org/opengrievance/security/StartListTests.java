package org.opengrievance.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.JsonAnswers;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.client.RestClient;

/**
 * Tasklist's "Start process" list offers a person only what a person starts: a complaint, a case change, and for
 * the director the monthly report. The clocks, the investigation, a letter's delivery and the report's schedule
 * are started by the grievance process or by a timer, never by hand.
 */
@GrievanceAppTest
class StartListTests {

    static final String STARTABLE = "/engine-rest/process-definition?latestVersion=true&active=true"
            + "&startableInTasklist=true&startablePermissionCheck=true";

    @Autowired TestUsers users;

    @Test
    void tasklistOffersEachRoleOnlyTheProcessesAPersonStarts() {
        Map<Role, List<String>> offered = Map.of(
                Role.INTAKE, List.of("caseChange", "grievance"),
                Role.PATIENT_RELATIONS, List.of("caseChange", "grievance"),
                Role.DIRECTOR, List.of("caseChange", "grievance", "monthlyReport"),
                Role.NURSING_INVESTIGATOR, List.of(),
                Role.AUDITOR, List.of());
        offered.forEach((role, keys) -> assertThat(startable(users.as(role))).as(role.name()).containsExactlyInAnyOrderElementsOf(keys));
    }

    /** The keys of Tasklist's Start list for whoever the client signs in as. */
    static List<String> startable(RestClient client) {
        JsonAnswers.Answer answer = JsonAnswers.get(client, STARTABLE);
        assertThat(answer.status()).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        for (JsonNode definition : answer.body()) {
            keys.add(definition.path("key").asText());
        }
        return keys;
    }
}
