package org.opengrievance.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCaseRepository;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /api/grievances} with an {@code Idempotency-Key}: a client that retries after a lost answer gets
 * the same case (200, the first answer), never a second grievance; the key with another complaint is a 422; a
 * day later the key is free; two systems' keys never collide; concurrent retries make one case.
 */
@GrievanceAppTest
class IdempotentIntakeTests {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired TestUsers users;
    @Autowired GrievanceCaseRepository cases;
    @Autowired MutableClock clock;
    HttpClient client = HttpClient.newHttpClient();

    record Answer(int status, String location, JsonNode body) {
    }

    @BeforeEach
    void users() {
        users.ensureCreated();
    }

    @AfterEach
    void resetClock() {
        clock.set(GrievanceAppTest.NOW);
    }

    static String complaint(String text) {
        return "{\"channel\":\"EMAIL\",\"receivedAt\":\"2026-12-09T16:30:00-06:00\",\"patientName\":\"Pat Testpatient\","
                + "\"complaintText\":\"" + text + "\",\"serviceArea\":\"NURSING\",\"preferredLanguage\":\"en\"}";
    }

    Answer post(Role role, String key, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(users.baseUrl() + "/api/grievances"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (role.userId() + ":" + role.password()).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            HttpResponse<String> r = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), JSON.readTree(r.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSameKeyAndComplaintAnswerTheSameCaseAgain() {
        String key = UUID.randomUUID().toString();
        long before = cases.count();
        Answer first = post(Role.INTAKE, key, complaint("The bell went unanswered."));
        Answer retry = post(Role.INTAKE, key, complaint("The bell went unanswered."));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.location()).isEqualTo(first.location())
                .isEqualTo("/api/grievances/" + first.body().path("caseNumber").asText());
        assertThat(cases.count()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherComplaintIsRefusedAndStoresNothing() {
        String key = UUID.randomUUID().toString();
        post(Role.INTAKE, key, complaint("The bell went unanswered."));
        long before = cases.count();
        Answer other = post(Role.INTAKE, key, complaint("The food was cold."));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().path("type").asText()).isEqualTo("urn:grievance:problem:idempotency-key-reused");
        assertThat(other.body().toString()).doesNotContain("cold", key);
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void aKeyIsFreeAgainAfterADay() {
        String key = UUID.randomUUID().toString();
        Answer first = post(Role.INTAKE, key, complaint("The bell went unanswered."));
        assertThat(first.status()).isEqualTo(201);
        // for the whole day the key still answers the first case ...
        clock.set(GrievanceAppTest.NOW.plus(Duration.ofHours(24)));
        Answer sameDay = post(Role.INTAKE, key, complaint("The bell went unanswered."));
        assertThat(sameDay.status()).isEqualTo(200);
        assertThat(sameDay.body().path("caseNumber").asText()).isEqualTo(first.body().path("caseNumber").asText());
        // ... and only after it makes a new one
        clock.set(GrievanceAppTest.NOW.plus(Duration.ofHours(24)).plusSeconds(1));
        Answer later = post(Role.INTAKE, key, complaint("The bell went unanswered."));
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.body().path("caseNumber").asText()).isNotEqualTo(first.body().path("caseNumber").asText());
    }

    @Test
    void keysBelongToTheSignedInUser() {
        String key = UUID.randomUUID().toString();
        Answer intake = post(Role.INTAKE, key, complaint("The bell went unanswered."));
        assertThat(intake.status()).isEqualTo(201);
        Answer relations = post(Role.PATIENT_RELATIONS, key, complaint("The bell went unanswered."));
        assertThat(relations.status()).isEqualTo(201);
        assertThat(relations.body().path("caseNumber").asText()).isNotEqualTo(intake.body().path("caseNumber").asText());
    }

    @Test
    void aKeyThatIsNotPrintableAsciiIsRefused() {
        long before = cases.count();
        for (String bad : List.of("with space", "x".repeat(201))) {
            Answer a = post(Role.INTAKE, bad, complaint("The bell went unanswered."));
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.body().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        }
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneCase() throws Exception {
        String key = UUID.randomUUID().toString();
        long before = cases.count();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit((Callable<Answer>) () -> post(Role.INTAKE, key, complaint("Twice sent."))));
            }
            List<Answer> got = new ArrayList<>();
            for (Future<Answer> f : answers) {
                got.add(f.get());
            }
            Map<Integer, Long> statuses = got.stream().collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
            assertThat(statuses).as(got.toString()).isEqualTo(Map.of(201, 1L, 200, 5L));
            assertThat(got.stream().map(a -> a.body().path("caseNumber").asText()).distinct().count()).isEqualTo(1);
            assertThat(cases.count()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
