package org.opengrievance.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.INTAKE;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gate knows who is signed in on both doors to the engine's resources: engine-rest (HTTP Basic) and the
 * webapps' copy (the Tasklist session). If the gate ever ran before the webapps' authentication filter it
 * would see nobody there, and this test would get 401 instead of the refusal for the role.
 */
@GrievanceAppTest
class GateOrderTests {

    @Autowired TestUsers users;
    @Autowired GrievanceCaseRepository cases;

    @Test
    void theGateSeesTheSignedInPersonOnBothDoors() {
        GateHttp http = new GateHttp(users);
        String caseNumber = http.logCase("DIETARY");
        String pi = cases.findByCaseNumber(caseNumber).orElseThrow().processInstanceId();
        String suspend = "{\"suspended\":true}";

        GateHttp.Answer rest = http.call(PATIENT_RELATIONS, org.springframework.http.HttpMethod.PUT,
                "/engine-rest/process-instance/" + pi + "/suspended", suspend);
        assertThat(rest.status()).isEqualTo(403);
        assertThat(rest.contentType()).startsWith("application/problem+json");
        assertThat(rest.detail()).startsWith("Your role may not do this");

        WebappSession tasklist = users.webapp();
        assertThat(tasklist.logIn(INTAKE, "tasklist")).isEqualTo(200);
        HttpResponse<String> webapp = tasklist.postJson("/camunda/api/engine/engine/default/process-instance/" + pi
                + "/modification", "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"cancel\","
                + "\"activityId\":\"confirmClassification\"}]}");
        assertThat(webapp.statusCode()).isEqualTo(403);
        assertThat(webapp.body()).contains("Your role may not do this");
    }
}
