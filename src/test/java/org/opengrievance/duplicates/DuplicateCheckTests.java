package org.opengrievance.duplicates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opengrievance.regime.Regime;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.grievance.GrievanceCaseService;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeRequest;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.refusal.Refusal;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.JsonAnswers;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.StaffSteps;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * E7 duplicates at intake: the open cases of the same patient, received within 30 days, under the same regimes,
 * whose complaint is at least 30% alike are shown at {@code checkPossibleDuplicates}; the intake person attaches
 * the contact to one of them as its next issue line (the contact closes DUPLICATE_ATTACHED, its clocks stopped,
 * both timelines say so) or confirms it is a new case (classification follows). Each test has patients of its own,
 * so the cases of other tests in the shared database are never candidates.
 */
@GrievanceAppTest
class DuplicateCheckTests {

    static final String MEALS = "The meals arrived cold three days running and nobody answered the call bell.";
    static final String MEALS_AGAIN = "My meals arrived cold again, three days running; the call bell went unanswered.";
    static final AtomicInteger PATIENTS = new AtomicInteger();

    @Autowired IntakeService intake;
    @Autowired GrievanceCaseService caseService;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;
    @Autowired MutableClock clock;
    StaffSteps staff;

    @BeforeEach
    void setUp() {
        clock.set(GrievanceAppTest.NOW);
        staff = new StaffSteps(tasks, forms, identity);
    }

    @Test
    void possibleDuplicatesAreTheSamePatientsOpenCasesAlikeInTextUnderTheSameRegimes() {
        String patient = patient();
        GrievanceCase closed = log(patient, MEALS_AGAIN, Intakes.RECEIVED, null, null);
        caseService.withdraw(closed.caseNumber(), "Patient withdrew.");
        GrievanceCase open = log(patient, MEALS_AGAIN, Intakes.RECEIVED, null, null);
        GrievanceCase planCase = log(patient, MEALS_AGAIN, Intakes.RECEIVED, List.of(Regime.MEDICARE_ADVANTAGE), null);
        GrievanceCase otherMatter = log(patient, "The parking garage charged me twice for one visit.", Intakes.RECEIVED,
                null, null);
        GrievanceCase otherPatient = log(patient(), MEALS_AGAIN, Intakes.RECEIVED, null, null);
        GrievanceCase longAgo = log(patient, MEALS_AGAIN, Intakes.RECEIVED.minusDays(31), null, null);
        GrievanceCase sameMember = log(patient(), MEALS, Intakes.RECEIVED.minusDays(30), null, "MBR-" + patient);
        for (GrievanceCase c : List.of(open, planCase, otherMatter, otherPatient, longAgo, sameMember)) {
            assertThat(activities(c)).as(c.caseNumber() + " had no candidate of its own").containsExactly(
                    "confirmClassification");
        }

        GrievanceCase contact = log(patient, MEALS, Intakes.RECEIVED, null, "MBR-" + patient);

        assertThat(activities(contact)).containsExactly("checkPossibleDuplicates");
        assertThat(listed(contact)).as("most alike first: the same member's identical text, then the same name's")
                .containsExactly(sameMember.caseNumber() + " 1.0000", open.caseNumber() + " "
                        + String.format(java.util.Locale.ROOT, "%.4f", TextSimilarity.jaccard(MEALS, MEALS_AGAIN)));
        Task check = task(contact, "checkPossibleDuplicates");
        assertThat(check.getAssignee()).as("the initiator, like confirmClassification").isEqualTo(Role.INTAKE.userId());
        assertThat(tasks.getIdentityLinksForTask(check.getId())).anyMatch(l -> "intake".equals(l.getGroupId()));
        assertThat(check.getDueDate()).isEqualTo(Date.from(Intakes.DUE.toInstant()));
        assertThat(runtime.getVariable(contact.processInstanceId(), "possibleDuplicatesText")).isEqualTo(
                sameMember.caseNumber() + ", received Wed 4 Nov 2026, 16:30 (CST), 100% of the words alike:\n“" + MEALS
                        + "”\n\n" + open.caseNumber() + ", received Fri 4 Dec 2026, 16:30 (CST), "
                        + Math.round(TextSimilarity.jaccard(MEALS, MEALS_AGAIN) * 100) + "% of the words alike:\n“"
                        + MEALS_AGAIN + "”");
        assertThat(runtime.getVariableTyped(contact.processInstanceId(), "duplicateCandidateOptions").getValue()
                .toString()).isEqualTo("[{\"label\":\"" + sameMember.caseNumber() + " (received 4 Nov 2026)\",\"value\":\""
                        + sameMember.caseNumber() + "\"},{\"label\":\"" + open.caseNumber()
                        + " (received 4 Dec 2026)\",\"value\":\"" + open.caseNumber() + "\"}]");
    }

    @Test
    void attachedContactBecomesTheOpenCasesNextIssueLineAndClosesDuplicateAttached() {
        String patient = patient();
        GrievanceCase open = log(patient, MEALS_AGAIN, Intakes.RECEIVED, null, null);
        clock.set(GrievanceAppTest.NOW.plusSeconds(60));
        GrievanceCase contact = log(patient, MEALS, Intakes.RECEIVED.plusDays(1), null, null);

        staff.work(contact.caseNumber(), "checkPossibleDuplicates", Role.INTAKE,
                Map.of("duplicateDecision", "ATTACH", "attachToCase", open.caseNumber()));

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(contact.processInstanceId()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(contact.processInstanceId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
                .map(a -> a.getActivityId()).filter(id -> !id.startsWith("flow") && !id.contains("#")).toList())
                .containsSubsequence("registerCase", "findPossibleDuplicates", "checkPossibleDuplicates",
                        "attachToOpenCase", "stopClocksOnAttach", "closeAttachedContact", "attachedToOpenCase")
                .doesNotContain("classifyComplaint", "confirmClassification");
        assertThat(jdbc.sql("""
                SELECT status || ' ' || closure_reason || ' ' || attached_to || ' ' || duplicate_decision || ' '
                  || duplicate_decided_by FROM grievance_case WHERE case_number = ?
                """).param(contact.caseNumber()).query(String.class).single())
                .isEqualTo("CLOSED DUPLICATE_ATTACHED " + open.caseNumber() + " ATTACHED " + Role.INTAKE.userId());
        assertThat(jdbc.sql("SELECT stopped_at FROM case_clock WHERE case_number = ?").param(contact.caseNumber())
                .query(OffsetDateTime.class).list()).extracting(OffsetDateTime::toInstant)
                .containsExactly(GrievanceAppTest.NOW.plusSeconds(60));
        assertThat(runtime.getVariable(open.processInstanceId(), "issue1")).isEqualTo(MEALS_AGAIN);
        assertThat(runtime.getVariable(open.processInstanceId(), "issue2")).isEqualTo(MEALS);
        assertThat(activities(open)).containsExactly("confirmClassification");

        JsonNode contactTimeline = timeline(contact);
        assertThat(events(contactTimeline, "ATTACHED_TO_CASE")).containsExactly(
                Role.INTAKE.userId() + " attached the complaint to the open case " + open.caseNumber() + " as its issue 2.");
        assertThat(events(contactTimeline, "CLOSED")).containsExactly(
                Role.INTAKE.userId() + " closed the case (DUPLICATE_ATTACHED).");
        assertThat(events(timeline(open), "CONTACT_ATTACHED")).containsExactly(Role.INTAKE.userId()
                + " attached a new contact of the patient (" + contact.caseNumber() + ") to this case as issue 2.");
    }

    @Test
    void attachedWhileTheOpenCaseIsInvestigatedReachesTheInvestigationAndComesBackWithIt() {
        String patient = patient();
        GrievanceCase open = log(patient, MEALS_AGAIN, Intakes.RECEIVED, null, null);
        staff.work(open.caseNumber(), "confirmClassification", Role.INTAKE, Map.of("classification", "GRIEVANCE"));
        staff.work(open.caseNumber(), "acknowledgeReceipt", Role.PATIENT_RELATIONS, Map.of("acknowledgedVia", "PHONE"));
        ProcessInstance investigation = runtime.createProcessInstanceQuery()
                .superProcessInstanceId(open.processInstanceId()).processDefinitionKey("investigation").singleResult();
        assertThat(investigation).isNotNull();
        GrievanceCase contact = log(patient, MEALS, Intakes.RECEIVED, null, null);

        staff.work(contact.caseNumber(), "checkPossibleDuplicates", Role.INTAKE,
                Map.of("duplicateDecision", "ATTACH", "attachToCase", open.caseNumber()));

        assertThat(runtime.getVariable(investigation.getId(), "issue2")).as("the investigator's form shows it")
                .isEqualTo(MEALS);
        staff.work(open.caseNumber(), "gatherFindings", Role.NURSING_INVESTIGATOR, Map.of(
                "findings", "Tray line delayed by a broken cart.", "stepsTaken", "Interviewed staff and the patient."));
        staff.work(open.caseNumber(), "codeIssue", Role.NURSING_INVESTIGATOR,
                Map.of("hcatCategory", "ENVIRONMENT", "hcatSeverity", "1", "harmLevel", "0"));
        assertThat(activities(open)).contains("draftResponse");
        assertThat(runtime.getVariable(open.processInstanceId(), "issue2")).as("returned by the investigation")
                .isEqualTo(MEALS);
    }

    @Test
    void confirmedNewContinuesToClassificationAndRecordsWhatWasShown() {
        String patient = patient();
        GrievanceCase open = log(patient, MEALS_AGAIN, Intakes.RECEIVED, null, null);
        GrievanceCase contact = log(patient, MEALS, Intakes.RECEIVED, null, null);

        staff.work(contact.caseNumber(), "checkPossibleDuplicates", Role.INTAKE, Map.of("duplicateDecision", "NEW"));

        assertThat(activities(contact)).containsExactly("confirmClassification");
        assertThat(runtime.getVariable(contact.processInstanceId(), "suggestedClassification")).isEqualTo("GRIEVANCE");
        assertThat(runtime.getVariables(contact.processInstanceId()))
                .as("the other case's excerpt leaves the process with the check")
                .doesNotContainKeys("possibleDuplicatesText", "duplicateCandidateOptions");
        assertThat(runtime.getVariable(open.processInstanceId(), "issue2")).isNull();
        assertThat(jdbc.sql("SELECT duplicate_decision FROM grievance_case WHERE case_number = ?")
                .param(contact.caseNumber()).query(String.class).single()).isEqualTo("NEW");
        assertThat(events(timeline(contact), "CONFIRMED_NEW")).containsExactly(Role.INTAKE.userId()
                + " confirmed the complaint is a new case, not one of the open cases listed as possible duplicates ("
                + open.caseNumber() + ").");

        GrievanceCase third = log(patient, MEALS, Intakes.RECEIVED, null, null);
        assertThat(listed(third)).as("the contact confirmed new is itself an open case of the patient now")
                .extracting(s -> s.split(" ")[0]).containsExactlyInAnyOrder(open.caseNumber(), contact.caseNumber());
    }

    @Test
    void attachingToACaseThatWasNotListedIsRefused() {
        String patient = patient();
        GrievanceCase listed = log(patient, MEALS_AGAIN, Intakes.RECEIVED, null, null);
        GrievanceCase unrelated = log(patient(), "The parking garage charged me twice.", Intakes.RECEIVED, null, null);
        GrievanceCase contact = log(patient, MEALS, Intakes.RECEIVED, null, null);

        assertThatThrownBy(() -> staff.work(contact.caseNumber(), "checkPossibleDuplicates", Role.INTAKE,
                Map.of("duplicateDecision", "ATTACH", "attachToCase", unrelated.caseNumber())))
                .satisfies(e -> {
                    Refusal r = refusal(e);
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.field()).isEqualTo("attachToCase");
                    assertThat(r.getMessage()).isEqualTo("Choose one of the open cases listed as possible duplicates:"
                            + " a contact can be attached only to one of them.");
                });
        assertThatThrownBy(() -> staff.work(contact.caseNumber(), "checkPossibleDuplicates", Role.INTAKE,
                Map.of("duplicateDecision", "ATTACH")))
                .satisfies(e -> assertThat(refusal(e).field()).isEqualTo("attachToCase"));

        assertThat(activities(contact)).containsExactly("checkPossibleDuplicates");
        assertThat(runtime.getVariable(unrelated.processInstanceId(), "issue2")).isNull();
        assertThat(runtime.getVariable(listed.processInstanceId(), "issue2")).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM grievance_case WHERE case_number = ? AND duplicate_decision IS NULL")
                .param(contact.caseNumber()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aCaseWhoseFiveIssueLinesAreUsedTakesNoMore() {
        String patient = patient();
        GrievanceCase open = log(patient, MEALS_AGAIN, Intakes.RECEIVED, null, null);
        for (int n = 2; n <= 5; n++) {
            runtime.setVariable(open.processInstanceId(), "issue" + n, "Issue " + n + " as the investigator split it");
        }
        GrievanceCase contact = log(patient, MEALS, Intakes.RECEIVED, null, null);

        assertThatThrownBy(() -> staff.work(contact.caseNumber(), "checkPossibleDuplicates", Role.INTAKE,
                Map.of("duplicateDecision", "ATTACH", "attachToCase", open.caseNumber())))
                .satisfies(e -> {
                    Refusal r = refusal(e);
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.getMessage()).isEqualTo(
                            "That case already uses all 5 of its issue lines: confirm this contact as a new case instead.");
                });
        assertThat(activities(contact)).containsExactly("checkPossibleDuplicates");
        assertThat(runtime.getVariable(open.processInstanceId(), "issue5"))
                .isEqualTo("Issue 5 as the investigator split it");

        runtime.removeVariable(open.processInstanceId(), "issue4");
        staff.work(contact.caseNumber(), "checkPossibleDuplicates", Role.INTAKE,
                Map.of("duplicateDecision", "ATTACH", "attachToCase", open.caseNumber()));
        assertThat(runtime.getVariable(open.processInstanceId(), "issue4")).as("the free line").isEqualTo(MEALS);
    }

    @Test
    void aPlanGrievanceAndTheHospitalsAboutTheSameEventStaySeparate() {
        String patient = patient();
        GrievanceCase hospital = log(patient, MEALS, Intakes.RECEIVED, List.of(Regime.HOSPITAL_COP), null);
        GrievanceCase both = log(patient, MEALS, Intakes.RECEIVED, List.of(Regime.HOSPITAL_COP, Regime.MEDICARE_ADVANTAGE),
                null);
        GrievanceCase plan = log(patient, MEALS, Intakes.RECEIVED, List.of(Regime.MEDICARE_ADVANTAGE), null);

        assertThat(activities(hospital)).containsExactly("confirmClassification");
        assertThat(activities(both)).as("a hospital-and-plan case is not the hospital's case").containsExactly(
                "confirmClassification");
        assertThat(activities(plan)).containsExactly("confirmClassification");
        GrievanceCase planAgain = log(patient, MEALS, Intakes.RECEIVED, List.of(Regime.MEDICARE_ADVANTAGE), null);
        assertThat(listed(planAgain)).extracting(s -> s.split(" ")[0]).containsExactly(plan.caseNumber());
    }

    @Test
    void aCaseSplitOffOrReclassifiedFromAnotherIsNoNewContact() {
        String patient = patient();
        GrievanceCase open = log(patient, MEALS, Intakes.RECEIVED, null, null);
        // what relink starts for a split-off or reclassified part: the same patient and words, the track a person chose
        Map<String, Object> start = new java.util.HashMap<>(Map.of("channel", "LETTER", "receivedAt",
                Intakes.RECEIVED.toString(), "patientName", patient, "complaintText", MEALS, "serviceArea", "NURSING",
                "chosenTrack", "GRIEVANCE"));
        identity.setAuthentication(Role.INTAKE.userId(), Role.INTAKE.groups());
        ProcessInstance linked;
        try {
            linked = runtime.startProcessInstanceByKey("grievance", start);
        } finally {
            identity.clearAuthentication();
        }

        assertThat(runtime.getActiveActivityIds(linked.getId())).containsExactly("confirmClassification");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM duplicate_candidate WHERE case_number = ?")
                .param(linked.getBusinessKey()).query(Long.class).single()).isZero();
        assertThat(activities(open)).containsExactly("confirmClassification");
    }

    @Test
    void theApiIntakeMeetsTheSameCheckAndReadsItsCandidatesIntoTheAccessLog() {
        String patient = patient();
        GrievanceCase open = log(patient, MEALS_AGAIN, Intakes.RECEIVED, null, null);
        JsonNode created = users.as(Role.INTAKE).post().uri("/api/grievances")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("channel", "LETTER", "receivedAt", Intakes.RECEIVED.toString(), "patientName", patient,
                        "complaintText", MEALS, "serviceArea", "NURSING"))
                .retrieve().body(JsonNode.class);
        String n = created.get("caseNumber").asText();
        assertThat(created.hasNonNull("classification")).as("not classified before the check").isFalse();

        JsonNode view = JsonAnswers.get(users.as(Role.PATIENT_RELATIONS), "/api/grievances/" + n).body();
        assertThat(view.get("activeActivities").toString()).isEqualTo("[\"checkPossibleDuplicates\"]");
        long logged = jdbc.sql("SELECT COUNT(*) FROM phi_access_log").query(Long.class).single();
        long lastId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM phi_access_log").query(Long.class).single();
        JsonAnswers.Answer answer = JsonAnswers.get(users.as(Role.INTAKE), "/api/grievances/" + n + "/possible-duplicates");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("decision").asText()).isEqualTo("PENDING");
        assertThat(answer.body().get("candidates")).hasSize(1);
        JsonNode candidate = answer.body().get("candidates").get(0);
        assertThat(candidate.get("caseNumber").asText()).isEqualTo(open.caseNumber());
        assertThat(candidate.get("receivedAt").asText()).isEqualTo("2026-12-04T16:30:00-06:00");
        assertThat(candidate.get("excerpt").asText()).isEqualTo(MEALS_AGAIN);
        assertThat(jdbc.sql("""
                SELECT actor || ' ' || action || ' ' || case_number || ' ' || COALESCE(parameters, '-')
                FROM phi_access_log WHERE id > ? ORDER BY id
                """).param(lastId).query(String.class).list()).containsExactly(
                Role.INTAKE.userId() + " possible-duplicates " + n + " -",
                Role.INTAKE.userId() + " possible-duplicates " + open.caseNumber() + " listed for " + n);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM phi_access_log").query(Long.class).single()).isEqualTo(logged + 2);

        assertThat(JsonAnswers.get(users.as(Role.AUDITOR), "/api/grievances/" + n + "/possible-duplicates").status())
                .isEqualTo(403);
        assertThat(JsonAnswers.get(users.as(Role.INTAKE), "/api/grievances/GRV-2026-999999/possible-duplicates")
                .status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM phi_access_log").query(Long.class).single())
                .as("a refused or failed read records nothing").isEqualTo(logged + 2);
    }

    // ---- helpers

    /** The refusal a listener threw, as the engine hands it on (wrapped in its own exception). */
    static Refusal refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Refusal r) {
                return r;
            }
        }
        throw new AssertionError("no refusal in " + thrown);
    }

    /** A patient of this test only: no other test's cases are ever candidates. */
    static String patient() {
        return "Dana Dupcheck " + (char) ('A' + PATIENTS.get() / 26 % 26) + (char) ('a' + PATIENTS.getAndIncrement() % 26);
    }

    GrievanceCase log(String patient, String text, OffsetDateTime received, List<Regime> regimes, String memberId) {
        IntakeRequest r = new IntakeRequest(Channel.LETTER, received, patient, text, ServiceArea.NURSING, false, null,
                false, false, false, false, false, "en", regimes, null, null, null, null, null, null, null, null,
                memberId);
        identity.setAuthentication(Role.INTAKE.userId(), Role.INTAKE.groups());
        try {
            return intake.register(r);
        } finally {
            identity.clearAuthentication();
        }
    }

    List<String> activities(GrievanceCase c) {
        return runtime.getActiveActivityIds(c.processInstanceId());
    }

    Task task(GrievanceCase c, String key) {
        return tasks.createTaskQuery().processInstanceId(c.processInstanceId()).taskDefinitionKey(key).singleResult();
    }

    /** "case similarity" of each candidate listed for the contact, as the case record keeps them. */
    List<String> listed(GrievanceCase contact) {
        return jdbc.sql("SELECT candidate_case_number, similarity FROM duplicate_candidate WHERE case_number = ?"
                        + " ORDER BY similarity DESC, candidate_case_number")
                .param(contact.caseNumber())
                .query((rs, i) -> rs.getString(1) + " " + rs.getBigDecimal(2).setScale(4)).list();
    }

    JsonNode timeline(GrievanceCase c) {
        return JsonAnswers.get(users.as(Role.AUDITOR), "/api/grievances/" + c.caseNumber() + "/timeline").body();
    }

    static List<String> events(JsonNode timeline, String kind) {
        List<String> found = new ArrayList<>();
        timeline.get("events").forEach(e -> {
            if (kind.equals(e.get("kind").asText())) {
                found.add(e.get("summary").asText());
            }
        });
        return found;
    }
}
