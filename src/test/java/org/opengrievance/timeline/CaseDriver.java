package org.opengrievance.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.Patients;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Drives cases the way people do, over HTTP as the signed-in roles: the project's API, and engine-rest for
 * claims, assignments and completions with what Tasklist submits (every field of the deployed form, the
 * read-only ones with what they show). Time moves on the application's clock and the engine's together.
 */
public final class CaseDriver {

    static final ObjectMapper JSON = new ObjectMapper();

    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final TestUsers users;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final MutableClock clock;

    public CaseDriver(TestUsers users, TaskService tasks, RuntimeService runtime, ManagementService management,
            MutableClock clock) {
        this.users = users;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    public void now(Instant instant) {
        clock.set(instant);
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public void resetTime() {
        clock.set(GrievanceAppTest.NOW);
        ClockUtil.reset();
    }

    public Answer call(Role role, HttpMethod method, String path, String body) {
        var request = users.as(role).method(method).uri(path).accept(MediaType.ALL);
        if (body != null) {
            request = request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                    .body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }

    public Answer get(Role role, String path) {
        return call(role, HttpMethod.GET, path, null);
    }

    public Answer post(Role role, String path, String body) {
        return call(role, HttpMethod.POST, path, body);
    }

    /** Logs a complaint through the API as intake staff; {@code extra} adds fields (regimes, expedite...). */
    public String logCase(String channel, String receivedAt, String serviceArea, String extra) {
        Answer created = post(Role.INTAKE, "/api/grievances", """
                {"channel":"%s","receivedAt":"%s","patientName":"%s",
                 "complaintText":"The meals arrived cold three days running.","serviceArea":"%s",
                 "responseRequested":false,"preferredLanguage":"en"%s}
                """.formatted(channel, receivedAt, Patients.unique(), serviceArea, extra));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("caseNumber").asText();
    }

    public Task task(String caseNumber, String key) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key).singleResult();
        assertThat(task).as(key + " of " + caseNumber).isNotNull();
        return task;
    }

    public void claim(String caseNumber, String key, Role role) {
        Answer a = post(role, "/engine-rest/task/" + task(caseNumber, key).getId() + "/claim",
                json(Map.of("userId", role.userId())));
        assertThat(a.status()).as("claim " + key + ": " + a.body()).isEqualTo(204);
    }

    public void assign(String caseNumber, String key, Role by, Role to) {
        Answer a = post(by, "/engine-rest/task/" + task(caseNumber, key).getId() + "/assignee",
                json(Map.of("userId", to.userId())));
        assertThat(a.status()).as("assign " + key + ": " + a.body()).isEqualTo(204);
    }

    public void complete(String caseNumber, String key, Role role, Map<String, Object> values) {
        Task task = task(caseNumber, key);
        Map<String, Object> wrapped = new LinkedHashMap<>();
        tasklistSubmission(task, role, values).forEach((k, v) -> wrapped.put(k, Map.of("value", v)));
        Answer done = post(role, "/engine-rest/task/" + task.getId() + "/complete",
                json(Map.of("variables", wrapped)));
        assertThat(done.status()).as(key + ": " + done.body()).isEqualTo(204);
    }

    /** Fires a timer of the case's clock process (the job executor is off in the tests), as the engine would. */
    public void fire(String caseNumber, String clockProcess, String timerId) {
        ProcessInstance clockInstance = runtime.createProcessInstanceQuery().processDefinitionKey(clockProcess)
                .processInstanceBusinessKey(caseNumber).singleResult();
        Job job = management.createJobQuery().processInstanceId(clockInstance.getId()).timers().activityId(timerId)
                .singleResult();
        assertThat(job).as(timerId).isNotNull();
        management.executeJob(job.getId());
    }

    public JsonNode timeline(String caseNumber, Role role) {
        Answer a = get(role, "/api/grievances/" + caseNumber + "/timeline");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    /** The events of a timeline other than reads, as "kind actor at" lines (actor "-" when none). */
    public static List<String> steps(JsonNode timeline) {
        List<String> lines = new java.util.ArrayList<>();
        for (JsonNode e : timeline.get("events")) {
            if (!"READ".equals(e.get("kind").asText())) {
                lines.add(line(e));
            }
        }
        return lines;
    }

    public static String line(JsonNode e) {
        return e.get("kind").asText() + " " + (e.get("actor").isNull() ? "-" : e.get("actor").asText()) + " "
                + e.get("at").asText();
    }

    /** The first event of that kind (and task, for task events). */
    public static JsonNode event(JsonNode timeline, String kind, String task) {
        for (JsonNode e : timeline.get("events")) {
            if (e.get("kind").asText().equals(kind)
                    && (task == null || task.equals(e.path("details").path("task").asText()))) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + (task == null ? "" : " of " + task) + " in " + timeline);
    }

    /** 2026-12-10 at hh:mm in Chicago (-06:00), the day of the test clock. */
    public static Instant chicago(String hhmm) {
        return java.time.OffsetDateTime.parse("2026-12-10T" + hhmm + ":00-06:00").toInstant();
    }

    /**
     * A written hospital grievance from intake to closure, each step ten minutes after the one before, starting at
     * the test clock's 12:00 in Chicago: intake (secintake) → confirm (secintake, 12:10) → acknowledgement letter
     * (claimed 12:20, sent 12:30, mailed 12:35, mailing recorded 12:40) → investigation by nursing (findings 12:50,
     * coding 13:00) → the director assigns the draft (13:10) → draft (13:20) → approval (secdirector, 13:30) →
     * resolution letter mailed 13:35, recorded 13:40 → closed (13:50). Returns the case number.
     */
    public String hospitalLifecycle() {
        now(chicago("12:00"));
        String n = logCase("LETTER", "2026-12-04T16:30:00-06:00", "NURSING", "");
        now(chicago("12:10"));
        complete(n, "confirmClassification", Role.INTAKE, Map.of("classification", "GRIEVANCE"));
        now(chicago("12:20"));
        claim(n, "acknowledgeReceipt", Role.PATIENT_RELATIONS);
        now(chicago("12:30"));
        complete(n, "acknowledgeReceipt", Role.PATIENT_RELATIONS, Map.of("acknowledgedVia", "LETTER"));
        now(chicago("12:40"));
        complete(n, "printAndMailLetter", Role.PATIENT_RELATIONS, Map.of("mailedAt", "2026-12-10T12:35:00-06:00"));
        now(chicago("12:50"));
        complete(n, "gatherFindings", Role.NURSING_INVESTIGATOR, Map.of("issue1", "Meals arrived cold",
                "findings", "Tray line delayed by a broken cart.", "stepsTaken", "Interviewed staff and the patient."));
        now(chicago("13:00"));
        complete(n, "codeIssue", Role.NURSING_INVESTIGATOR,
                Map.of("hcatCategory", "QUALITY", "hcatSeverity", "2", "harmLevel", "1"));
        now(chicago("13:10"));
        assign(n, "draftResponse", Role.DIRECTOR, Role.PATIENT_RELATIONS);
        now(chicago("13:20"));
        complete(n, "draftResponse", Role.PATIENT_RELATIONS, Map.of(
                "answer1", "We replaced the broken cart on the tray line.",
                "patientStepsText", STEPS_TAKEN, "responseDraft", RESULTS,
                "contactPerson", "Paula Patient-Relations", "contactTitle", "Patient Relations Manager",
                "contactPhone", "(555) 010-0100", "responseChannel", "MAIL"));
        now(chicago("13:30"));
        complete(n, "approveResponse", Role.DIRECTOR, Map.of("approvalDecision", "APPROVE"));
        now(chicago("13:40"));
        complete(n, "printAndMailLetter", Role.PATIENT_RELATIONS, Map.of("mailedAt", "2026-12-10T13:35:00-06:00"));
        now(chicago("13:50"));
        complete(n, "closeGrievance", Role.PATIENT_RELATIONS, Map.of("closureReason", "RESOLVED"));
        return n;
    }

    /** What the resolution letter tells the patient in the lifecycle: the steps taken and the results. */
    public static final String STEPS_TAKEN = "We spoke with the kitchen and the nursing staff on your floor.";
    public static final String RESULTS = "Your concern was substantiated; the tray cart was replaced.";

    private Map<String, Object> tasklistSubmission(Task task, Role role, Map<String, Object> values) {
        JsonNode form = get(role, "/engine-rest/task/" + task.getId() + "/deployed-form").json();
        JsonNode shown = get(role, "/engine-rest/task/" + task.getId() + "/form-variables").json();
        Map<String, Object> submission = new LinkedHashMap<>();
        for (String key : readonlyKeys(form.path("components"), new HashSet<>())) {
            JsonNode v = shown.path(key).path("value");
            if (!v.isMissingNode() && !v.isNull()) {
                submission.put(key, v.isBoolean() ? v.asBoolean() : v.asText());
            }
        }
        submission.putAll(values);
        return submission;
    }

    private static Set<String> readonlyKeys(JsonNode components, Set<String> into) {
        for (JsonNode c : components) {
            if (c.path("readonly").asBoolean(false) && c.hasNonNull("key")) {
                into.add(c.path("key").asText());
            }
            readonlyKeys(c.path("components"), into);
        }
        return into;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
