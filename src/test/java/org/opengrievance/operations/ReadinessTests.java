package org.opengrievance.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Readiness follows the database and the job executor; liveness follows neither (a database outage must not
 * make an orchestrator restart every node). Its own application, with a running job executor, on an H2 database
 * served over TCP by this test, so that the database can really go away: stopping the server closes every
 * connection and refuses new ones. The last test leaves the context without a database: it is thrown away.
 */
@org.junit.jupiter.api.Tag("isolated")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=true",
        // engines register by name in a static registry: closing this context must not take the shared test
        // context's "default" engine (and with it the webapps and engine-rest) away
        "camunda.bpm.process-engine-name=readiness",
        // a dead database is noticed within a second, not after Hikari's default 30 s
        "spring.datasource.hikari.connection-timeout=1000",
        "spring.datasource.hikari.validation-timeout=500",
        "spring.datasource.username=sa", "spring.datasource.password="})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReadinessTests {

    static final Server DATABASE = startDatabase();

    @LocalServerPort int port;
    @Autowired ProcessEngineConfigurationImpl engine;
    @Autowired IdentityService identity;
    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newHttpClient();

    record Answer(int status, JsonNode body) {
    }

    static Server startDatabase() {
        try (ServerSocket free = new ServerSocket(0)) {
            int port = free.getLocalPort();
            free.close();
            return Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists").start();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the test's H2 server", e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url",
                () -> "jdbc:h2:tcp://localhost:" + DATABASE.getPort() + "/mem:readiness;DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void stopDatabase() {
        DATABASE.stop();
    }

    Answer get(String path, boolean signedIn) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (signedIn) {
            MonitoringUser.ensure(identity);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (MonitoringUser.ID + ":" + MonitoringUser.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    @Test
    @Order(1)
    void readyWhileTheDatabaseAndTheJobExecutorRun() throws Exception {
        Answer readiness = get("/actuator/health/readiness", true);
        assertThat(readiness.status()).as(readiness.body().toString()).isEqualTo(200);
        assertThat(readiness.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(readiness.body().at("/components/jobExecutor/status").asText()).isEqualTo("UP");
        assertThat(readiness.body().at("/components/jobExecutor/details/active").asBoolean()).isTrue();
        assertThat(get("/actuator/health/liveness", false).status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void notReadyWhileTheJobExecutorIsStopped() throws Exception {
        JobExecutor executor = engine.getJobExecutor();
        executor.shutdown();
        try {
            Answer readiness = get("/actuator/health/readiness", true);
            assertThat(readiness.status()).as(readiness.body().toString()).isEqualTo(503);
            assertThat(readiness.body().at("/status").asText()).isEqualTo("DOWN");
            assertThat(readiness.body().at("/components/jobExecutor/status").asText()).isEqualTo("DOWN");
            assertThat(readiness.body().at("/components/jobExecutor/details/active").asBoolean()).isFalse();
            assertThat(readiness.body().at("/components/db/status").asText()).isEqualTo("UP");
            assertThat(get("/actuator/health/liveness", false).status()).isEqualTo(200);
        } finally {
            executor.start();
        }
        assertThat(get("/actuator/health/readiness", true).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void notReadyButAliveWhenTheDatabaseIsGone() throws Exception {
        assertThat(get("/actuator/health/readiness", false).status()).isEqualTo(200);
        DATABASE.stop();

        // signing in needs the database (the users are the engine's): anonymous, status only
        Answer readiness = get("/actuator/health/readiness", false);
        assertThat(readiness.status()).as(readiness.body().toString()).isEqualTo(503);
        assertThat(readiness.body().get("status").asText()).isEqualTo("DOWN");
        Answer liveness = get("/actuator/health/liveness", false);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.body().get("status").asText()).isEqualTo("UP");
    }
}
