package org.opengrievance.api;

import org.opengrievance.support.TestUsers;
import org.springframework.web.client.RestClient;

/** HTTP clients for the API tests. */
final class ApiClients {

    private ApiClients() {
    }

    /** Signed in (HTTP Basic) as a member of patient-relations: may log, read and act on every case. */
    static RestClient staff(int port) {
        return TestUsers.client(port, TestUsers.Role.PATIENT_RELATIONS);
    }
}
