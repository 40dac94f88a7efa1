package org.opengrievance.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.TestUsers.Role.AUDITOR;
import static org.opengrievance.support.TestUsers.Role.DIRECTOR;
import static org.opengrievance.support.TestUsers.Role.PATIENT_RELATIONS;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.letter.VeraPdf;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.MutableClock;
import org.opengrievance.support.TestUsers;
import org.opengrievance.trends.TrendQuery;
import org.opengrievance.trends.TrendsService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * The monthly report of December 2026, as a director runs it from Tasklist in January: its start form takes a
 * past month and refuses the current and a future one, and only directors run it; the stored PDF is archival
 * and tagged (veraPDF) and says the month's figures, late cases with the director's reason, the abuse case
 * with its protective actions and the high-severity case, without the patients' names or complaints; the XLSX
 * says the same; every director with an address gets it once, with both files, also when the sending job is
 * retried after a failure.
 */
@GrievanceAppTest
class MonthlyReportTests {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

    static final String SUBMIT = "/engine-rest/process-definition/key/monthlyReport/submit-form";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant JANUARY = Instant.parse("2027-01-10T18:00:00Z");
    static final String FIRST_DIRECTOR = "secdirector@report.test";
    static final String SECOND_DIRECTOR = "rptdirector@report.test";

    @Autowired TestUsers users;
    @Autowired MutableClock clock;
    @Autowired IntakeService intake;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired IdentityService identity;
    @Autowired ReportDispatch dispatch;
    @Autowired TrendsService trends;

    record Answer(int status, byte[] body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException(new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    /** The cases of December 2026 this class reports on (created once for the shared context). */
    static String late;
    static String abuse;
    static String severe;
    static String abusePatient;

    @BeforeEach
    void cases() {
        users.ensureCreated();
        directorsWithEmail();
        if (late == null) {
            now(Instant.parse("2026-12-05T00:00:00Z"));
            late = lateCase();
            abuse = abuseCase();
            severe = highSeverityCase();
        }
        now(JANUARY);
    }

    @AfterEach
    void reset() {
        dispatch.afterRecorded = () -> { };
        ClockUtil.reset();
        clock.set(GrievanceAppTest.NOW);
    }

    void now(Instant instant) {
        clock.set(instant);
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    void directorsWithEmail() {
        User first = identity.createUserQuery().userId(DIRECTOR.userId()).singleResult();
        first.setEmail(FIRST_DIRECTOR);
        identity.saveUser(first);
        if (identity.createUserQuery().userId("rptdirector").count() == 0) {
            User second = identity.newUser("rptdirector");
            second.setFirstName("Second");
            second.setLastName("Director");
            second.setEmail(SECOND_DIRECTOR);
            second.setPassword("Test-rptdirector-pw-7431");
            identity.saveUser(second);
            identity.createMembership("rptdirector", "pr-director");
        }
    }

    ProcessInstance opened(org.opengrievance.intake.IntakeRequest request) {
        GrievanceCase c = intake.register(request);
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(c.processInstanceId()).singleResult();
        tasks.complete(task(pi.getId(), "confirmClassification").getId(), Map.of("classification", "GRIEVANCE"));
        return pi;
    }

    Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    /** Due 2026-12-11 end of day, not answered: the breach fires, the director writes why. */
    String lateCase() {
        ProcessInstance pi = opened(Intakes.written(Channel.LETTER, ServiceArea.DIETARY));
        ProcessInstance hospitalClock = runtime.createProcessInstanceQuery().processDefinitionKey("hospitalClock")
                .processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
        now(Intakes.DUE.toInstant());
        Job breach = management.createJobQuery().processInstanceId(hospitalClock.getId()).activityId("breachTimer")
                .singleResult();
        management.executeJob(breach.getId());
        tasks.complete(task(hospitalClock.getId(), "reviewMissedDeadline").getId(),
                Map.of("directorReviewNote", "Dietary manager on leave; the cover missed the queue."));
        return pi.getBusinessKey();
    }

    String abuseCase() {
        var request = Intakes.abuseAllegation();
        abusePatient = request.patientName();
        ProcessInstance pi = opened(request);
        tasks.complete(task(pi.getId(), "reviewAbuseAllegation").getId(),
                Map.of("protectiveActions", "Aide removed from the ward pending review.", "stateReportFiled", true));
        return pi.getBusinessKey();
    }

    String highSeverityCase() {
        ProcessInstance pi = opened(Intakes.written(Channel.EMAIL, ServiceArea.DIETARY));
        tasks.complete(task(pi.getId(), "acknowledgeReceipt").getId(), Map.of("acknowledgedVia", "PHONE"));
        ProcessInstance investigation = runtime.createProcessInstanceQuery().processDefinitionKey("investigation")
                .processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
        tasks.complete(task(investigation.getId(), "gatherFindings").getId(), Map.of("findings", "Spoiled food served.",
                "stepsTaken", "Kitchen inspected.", "issue1", "Spoiled food"));
        tasks.complete(task(investigation.getId(), "codeIssue").getId(),
                Map.of("hcatCategory", "SAFETY", "hcatSeverity", "3", "harmLevel", "2"));
        return pi.getBusinessKey();
    }

    Answer call(TestUsers.Role role, HttpMethod method, String path, String body) {
        var request = users.as(role).method(method).uri(path).accept(MediaType.ALL);
        if (body != null) {
            request = request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                    .body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.exchange((req, res) -> new Answer(res.getStatusCode().value(), res.getBody().readAllBytes(),
                res.getHeaders().getContentType() == null ? null : res.getHeaders().getContentType().toString()));
    }

    static String startForm(String month) {
        return "{\"variables\":{\"reportMonth\":{\"value\":\"" + month + "\"}}}";
    }

    /** The build and email jobs of the report instances, retrying failed ones as the job executor would. */
    void runReportJobs() {
        for (int round = 0; round < 6; round++) {
            List<Job> jobs = management.createJobQuery().processDefinitionKey(MonthlyReportProcess.KEY).list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failedAttempt) {
                    // retried in the next round, with one retry fewer
                }
            }
        }
    }

    /** A director starts the December report from Tasklist; its jobs run; the stored report's row. */
    JsonNode directorRunsDecember() {
        Answer started = call(DIRECTOR, HttpMethod.POST, SUBMIT, startForm("2026-12"));
        assertThat(started.status()).as(new String(started.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        String instance = started.json().path("id").asText();
        runReportJobs();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getEndTime())
                .as("the report process ended").isNotNull();
        Answer list = call(DIRECTOR, HttpMethod.GET, "/api/director/reports", null);
        assertThat(list.status()).isEqualTo(200);
        for (JsonNode r : list.json()) {
            if (r.path("processInstanceId").asText().equals(instance)) {
                return r;
            }
        }
        throw new AssertionError("no stored report of instance " + instance);
    }

    @Test
    void aDirectorsReportOfAPastMonthIsArchivalPdfAndXlsxWithTheMonthsFiguresAndNoPatientData() throws Exception {
        long december = trends.compute(new TrendQuery(YearMonth.of(2026, 12), YearMonth.of(2026, 12), null, null))
                .chart("byMonth").rows().stream().mapToLong(r -> ((Number) r.get("grievances")).longValue()).sum();
        JsonNode report = directorRunsDecember();
        assertThat(report.path("month").asText()).isEqualTo("2026-12");
        assertThat(report.path("builtBy").asText()).isEqualTo(DIRECTOR.userId());

        Answer pdf = call(DIRECTOR, HttpMethod.GET, "/api/director/reports/" + report.path("id").asLong() + "/pdf", null);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(ReportRepository.sha256(pdf.body())).isEqualTo(report.path("pdfSha256").asText());
        List<String> failures = new ArrayList<>();
        for (PDFAFlavour profile : List.of(PDFAFlavour.PDFA_2_A, PDFAFlavour.PDFUA_1)) {
            VeraPdf.Report checked = VeraPdf.validate(pdf.body(), profile);
            checked.failures().forEach(f -> failures.add(profile.getId() + " " + f));
            assertThat(checked.compliant()).as(profile.getId() + " " + checked.failures()).isTrue();
        }
        assertThat(failures).isEmpty();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            // the lines as the table cells wrap them, joined
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Monthly grievance report 2026-12", "Late responses", late,
                "Dietary manager on leave; the cover missed the queue.", abuse,
                "Aide removed from the ward pending review. Reported to the State agency.", severe,
                "The month and the 12 months before", "2025-12", "2026-12 " + december);
        assertThat(text).doesNotContain(abusePatient, "An aide slapped my mother", "The meals arrived cold");

        Answer xlsx = call(DIRECTOR, HttpMethod.GET, "/api/director/reports/" + report.path("id").asLong() + "/xlsx", null);
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(ReportRepository.sha256(xlsx.body())).isEqualTo(report.path("xlsxSha256").asText());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(cells(book.getSheet("Late responses"))).contains(late,
                    "Dietary manager on leave; the cover missed the queue.");
            assertThat(cells(book.getSheet("Abuse or neglect"))).contains(abuse);
            assertThat(cells(book.getSheet("High severity"))).contains(severe);
            assertThat(cells(book.getSheet("Summary"))).contains("2026-12", "Grievances");
            assertThat(book.getSheet("timeliness")).isNotNull();
            StringBuilder all = new StringBuilder();
            book.forEach(s -> all.append(cells(s)));
            assertThat(all.toString()).doesNotContain(abusePatient);
        }
        assertThat(call(PATIENT_RELATIONS, HttpMethod.GET, "/api/director/reports", null).status()).isEqualTo(403);
        assertThat(call(DIRECTOR, HttpMethod.GET, "/api/director/reports/999999999/pdf", null).status()).isEqualTo(404);
    }

    @Test
    void everyDirectorGetsTheReportOnceWithBothFilesAlsoWhenTheSendingJobIsRetried() throws Exception {
        int[] recorded = {0};
        dispatch.afterRecorded = () -> {
            if (recorded[0]++ == 0) {
                throw new IllegalStateException("injected: the job fails after the first director's email went");
            }
        };
        int before = smtp.getReceivedMessages().length;
        directorRunsDecember();
        assertThat(recorded[0]).as("the job was retried").isGreaterThan(1);
        MimeMessage[] received = smtp.getReceivedMessages();
        for (String address : List.of(FIRST_DIRECTOR, SECOND_DIRECTOR)) {
            List<MimeMessage> theirs = new ArrayList<>();
            for (int i = before; i < received.length; i++) {
                if (received[i].getAllRecipients()[0].toString().equals(address)) {
                    theirs.add(received[i]);
                }
            }
            assertThat(theirs).as(address).hasSize(1);
            assertThat(theirs.get(0).getSubject()).isEqualTo("Monthly grievance report 2026-12");
            assertThat(attachments(theirs.get(0))).containsExactlyInAnyOrder("grievance-report-2026-12.pdf",
                    "grievance-report-2026-12.xlsx");
        }
    }

    @Test
    void theStartFormTakesAPastMonthAndRefusesTheCurrentAndFutureOnesAndOtherRoles() {
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(MonthlyReportProcess.KEY).count();
        for (String month : List.of("2027-01", "2027-03")) {
            Answer refused = call(DIRECTOR, HttpMethod.POST, SUBMIT, startForm(month));
            assertThat(refused.status()).as(month).isEqualTo(400);
            assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("reportMonth");
            assertThat(refused.json().toString()).contains("Choose a past month");
        }
        Answer noMonth = call(DIRECTOR, HttpMethod.POST, "/engine-rest/process-definition/key/monthlyReport/start",
                "{\"variables\":{}}");
        assertThat(noMonth.status()).isEqualTo(400);
        // patient relations start every other process, not this one (security.AuthorizationBaseline.revocations)
        assertThat(call(PATIENT_RELATIONS, HttpMethod.POST, SUBMIT, startForm("2026-12")).status()).isEqualTo(403);
        assertThat(call(AUDITOR, HttpMethod.POST, SUBMIT, startForm("2026-12")).status()).isEqualTo(403);
        Answer unknownFacility = call(DIRECTOR, HttpMethod.POST, SUBMIT,
                "{\"variables\":{\"reportMonth\":{\"value\":\"2026-12\"},\"reportFacility\":{\"value\":\"Nowhere\"}}}");
        assertThat(unknownFacility.status()).isEqualTo(400);
        assertThat(unknownFacility.json().toString()).doesNotContain("Nowhere");
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(MonthlyReportProcess.KEY).count())
                .as("nothing started").isEqualTo(before);

        Answer startable = call(DIRECTOR, HttpMethod.GET, "/engine-rest/process-definition?key=monthlyReport"
                + "&startableInTasklist=true&startablePermissionCheck=true", null);
        assertThat(startable.json()).hasSize(1);
        Answer past = call(DIRECTOR, HttpMethod.POST, SUBMIT, startForm("2026-11"));
        assertThat(past.status()).isEqualTo(200);
        runReportJobs();
    }

    static String cells(Sheet sheet) {
        StringBuilder s = new StringBuilder();
        for (Row row : sheet) {
            row.forEach(c -> s.append(c.toString()).append('|'));
            s.append('\n');
        }
        return s.toString();
    }

    static List<String> attachments(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                names.add(parts.getBodyPart(i).getFileName());
            }
        }
        return names;
    }
}
