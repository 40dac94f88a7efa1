package org.opengrievance.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StartUrlsTests {

    @Test
    void theBannerNamesThePortTheServerListensOnAndTheContextPath() {
        MockEnvironment env = new MockEnvironment().withProperty("server.port", "0")
                .withProperty("local.server.port", "9191").withProperty("server.servlet.context-path", "/grievances/");
        StartUrls urls = StartUrls.of(env);
        assertThat(urls.tasklist()).isEqualTo("http://localhost:9191/grievances/camunda/app/tasklist/");
        assertThat(urls.swagger()).isEqualTo("http://localhost:9191/grievances/swagger-ui.html");
    }

    @Test
    void withoutAContextPathTheAddressesStartAtTheRoot() {
        StartUrls urls = StartUrls.of("8443", "", "/camunda");
        assertThat(urls.tasklist()).isEqualTo("http://localhost:8443/camunda/app/tasklist/");
        assertThat(urls.swagger()).isEqualTo("http://localhost:8443/swagger-ui.html");
    }
}
