package org.opengrievance.api;

import org.springframework.web.client.RestClient;

/** HTTP clients for the API tests. */
final class ApiClients {

    private ApiClients() {
    }

    static RestClient staff(int port) {
        return RestClient.builder().baseUrl("http://localhost:" + port).build();
    }
}
