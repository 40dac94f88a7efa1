package org.opengrievance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.BrowserSession.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.opengrievance.support.BrowserSession;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Patients;
import org.opengrievance.support.StaffSteps;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The director's pages of the Cockpit plugin in headless Chromium: the trends dashboard draws every chart of
 * GET /api/director/trends with its table view and its CSV link (for the filters shown), takes a month's
 * denominator, and leaves the browser console free of errors; the what-if page shows the moves of an uploaded
 * changed table; an auditor gets a plain notice (and no refused request); intake staff get no Cockpit and a 403
 * from the director's API.
 */
@Tag("browser")
@GrievanceAppTest
class DirectorDashboardBrowserTests {

    static final String DIRECTOR_USER = "dorisdirector";
    static final String AUDITOR_USER = "aldoauditor";
    static final String INTAKE_USER = "inesintake";
    static final String PASSWORD = "browser-director-5";
    static final List<String> CHARTS = List.of("byMonth", "nonGrievancesByRoute", "byHcat", "bySeverity",
            "byDepartment", "byChannel", "timeliness", "responseDays", "openByAge", "themes");

    @Autowired IdentityService identity;
    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired FormService forms;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();
    private TasklistDriver browser;

    @BeforeEach
    void setUp() {
        BrowserUsers.ensureAdmin(identity);
        BrowserUsers.ensureUser(identity, DIRECTOR_USER, "Doris", "Director", PASSWORD, "pr-director");
        BrowserUsers.ensureUser(identity, AUDITOR_USER, "Aldo", "Auditor", PASSWORD, "auditor");
        BrowserUsers.ensureUser(identity, INTAKE_USER, "Ines", "Intake", PASSWORD, "intake");
        browser = session.driver();
    }

    @Test
    void theDirectorSeesEveryTrendChartWithItsTableAndCsvLinkAndEntersADenominator() throws IOException {
        String closed = logCase("NURSING");
        new StaffSteps(tasks, forms, identity).closeNursingGrievance(closed);
        logCase("DIETARY");
        WebDriver d = browser.webDriver();
        logInToCockpit(DIRECTOR_USER);

        browser.explaining(() -> "Cockpit's navigation to offer Trends" + browser.visibleAlerts())
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.grv-nav-director"))).click();
        browser.explaining(() -> "the charts to be drawn: " + text(d, ".grv-director-body"))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".grv-chart-grid[data-drawn='true']")));

        // the default period: the 12 months up to the test clock's month
        assertThat(new Select(d.findElement(By.id("grv-facility"))).getOptions()).extracting(WebElement::getText)
                .contains("all", "Mercy General Hospital");
        for (String id : CHARTS) {
            WebElement card = d.findElement(By.cssSelector("section.grv-chart-card[data-chart-id='" + id + "']"));
            assertThat(card.findElement(By.cssSelector("a.grv-csv-link")).getDomAttribute("href"))
                    .as("the CSV of " + id).isEqualTo("/api/director/trends/" + id + ".csv?from=2026-01&to=2026-12");
            assertThat(card.findElements(By.cssSelector("details.grv-table-view"))).as("the table view of " + id)
                    .hasSize(1);
        }
        // the charts with rows are drawn (SVG); the grievances by month and by department have our two cases
        for (String id : List.of("byMonth", "byDepartment", "byChannel", "timeliness", "openByAge")) {
            assertThat(d.findElements(By.cssSelector("[data-chart-canvas='" + id + "'][data-drawn='true'] svg")))
                    .as("the drawing of " + id).isNotEmpty();
        }
        // the table view (folded under the chart) holds the same rows
        WebElement byDepartment = d.findElement(By.cssSelector("[data-chart-id='byDepartment'] details"));
        assertThat(byDepartment.findElement(By.cssSelector("table.grv-chart-table")).getDomProperty("textContent"))
                .contains("Nursing");

        // the CSV link answers with the chart's rows for the same session
        Object csv = ((JavascriptExecutor) d).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => r.text().then(t => done(r.status + ' ' + r.headers.get('Content-Type') + '\\n' + t)),
                        () => done('failed'));""",
                d.findElement(By.cssSelector("[data-chart-id='byDepartment'] a.grv-csv-link")).getDomAttribute("href"));
        assertThat(String.valueOf(csv)).startsWith("200 text/csv").contains("Nursing");
        session.screenshot("director-dashboard");

        // a month's patient days
        WebElement month = d.findElement(By.id("grv-den-month"));
        ((JavascriptExecutor) d).executeScript("arguments[0].value = '2026-12';", month);
        new Select(d.findElement(By.id("grv-den-facility"))).selectByValue("Mercy General Hospital");
        d.findElement(By.id("grv-den-value")).sendKeys("4100");
        d.findElement(By.cssSelector("button.grv-den-save")).click();
        assertThat(browser.explaining(() -> "the denominator to be saved: " + text(d, ".grv-denominator-status"))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".grv-denominator-status .alert-success")))
                .getText()).isEqualTo("Saved: 4,100 patient days for 2026-12 at Mercy General Hospital.");
        browser.explaining(() -> "the denominators of the period")
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.grv-denominators"), "4,100"));
        browser.explaining(() -> "the charts drawn again after the entry")
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".grv-chart-grid[data-drawn='true']")));

        // the survey-readiness pack for the period and facility
        String pack = d.findElement(By.cssSelector("a.grv-readiness-link")).getDomAttribute("href");
        assertThat(pack).isEqualTo("/api/audit/readiness-pack?from=2026-01-01&to=2026-12-31&facility=Mercy+General+Hospital");
        Object packAnswer = ((JavascriptExecutor) d).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {credentials: 'same-origin'})
                  .then(r => done(r.status + ' ' + r.headers.get('Content-Type')), () => done('failed'));""", pack);
        assertThat(String.valueOf(packAnswer)).as("the pack the link downloads").startsWith("200 application/zip");

        assertThat(browser.consoleErrors()).as("the browser console").isEmpty();
    }

    @Test
    void theWhatIfPageShowsTheOpenCasesAChangedRoutingTableWouldMove(@TempDir Path dir) throws IOException {
        String nursing = logCase("NURSING");
        Path changed = dir.resolve("routing.dmn");
        Files.writeString(changed, shipped("routing.dmn")
                .replace("<text>\"nursing\"</text>", "<text>\"support-services\"</text>"));
        WebDriver d = browser.webDriver();
        logInToCockpit(DIRECTOR_USER);
        d.get(session.url("/camunda/app/cockpit/default/#/director/what-if"));

        browser.explaining(() -> "the what-if form: " + text(d, ".grv-whatif-body"))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("grv-whatif-file"))).sendKeys(changed.toString());
        d.findElement(By.cssSelector("button.grv-whatif-run")).click();
        WebElement moves = browser.explaining(() -> "the moves: " + text(d, ".grv-whatif-result"))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grv-whatif-moves")));
        assertThat(d.findElement(By.cssSelector("[data-field='decisionId']")).getText()).isEqualTo("DepartmentRouting");
        assertThat(d.findElement(By.cssSelector("[data-field='evaluatedVersion']")).getText()).startsWith("deployed version ");
        int moved = Integer.parseInt(d.findElement(By.cssSelector("[data-field='casesMoved']")).getText());
        assertThat(moves.findElements(By.cssSelector("tbody tr"))).hasSize(moved);
        WebElement row = moves.findElement(By.xpath(".//tr[td[1][normalize-space()='" + nursing + "']]"));
        assertThat(row.findElements(By.tagName("td"))).extracting(WebElement::getText)
                .containsExactly(nursing, "Department", "", "nursing", "support-services");
        assertThat(Integer.parseInt(d.findElement(By.cssSelector("[data-field='casesChecked']")).getText()))
                .isGreaterThanOrEqualTo(moved);
        session.screenshot("director-what-if");
        assertThat(browser.consoleErrors()).as("the browser console").isEmpty();
    }

    @Test
    void anAuditorGetsANoticeAndNoRefusedRequest() {
        WebDriver d = browser.webDriver();
        logInToCockpit(AUDITOR_USER);
        d.get(session.url("/camunda/app/cockpit/default/#/director"));
        browser.explaining(() -> "the notice for someone not the director: " + text(d, ".grv-director-body"))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".grv-director-body .alert-info"),
                        "This page is the patient relations director's."));
        assertThat(d.findElements(By.cssSelector(".grv-chart-grid, #grv-from"))).isEmpty();
        d.get(session.url("/camunda/app/cockpit/default/#/director/what-if"));
        browser.explaining(() -> "the what-if page's notice: " + text(d, ".grv-whatif-body"))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".grv-whatif-body .alert-info"),
                        "director's"));
        assertThat(d.findElements(By.id("grv-whatif-file"))).isEmpty();
        assertThat(browser.consoleErrors()).as("the browser console (no refused request)").isEmpty();
    }

    @Test
    void intakeStaffAreRefusedTheDirectorsPages() {
        browser.logIn(INTAKE_USER, PASSWORD);
        for (String path : List.of("/api/director/trends", "/api/director/trends/filters", "/api/director/trends/byMonth.csv")) {
            Object status = ((JavascriptExecutor) browser.webDriver()).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                      .then(r => done(r.status), () => done(-1));""", path);
            assertThat(status).as(path).isEqualTo(403L);
        }
        browser.logOut();

        WebDriver d = browser.webDriver();
        assertThat(session.cockpitRefusal(INTAKE_USER, PASSWORD)).contains("Login Failed");
        d.get(session.url("/camunda/app/cockpit/default/#/director"));
        browser.explaining(() -> "Cockpit's login form instead of the dashboard")
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        assertThat(d.findElements(By.cssSelector(".grv-director-view"))).isEmpty();
    }

    // --- steps ---

    private String logCase(String serviceArea) {
        String body = """
                {"channel":"LETTER","receivedAt":"2026-12-04T16:30:00-06:00","patientName":"%s",
                 "complaintText":"Nobody answered the call light for forty minutes.","serviceArea":"%s",
                 "responseRequested":false,"preferredLanguage":"en"}""".formatted(Patients.unique(), serviceArea);
        return users.as(Role.INTAKE).post().uri("/api/grievances").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(JsonNode.class).get("caseNumber").asText();
    }

    private void logInToCockpit(String user) {
        session.logInToCockpit(user, PASSWORD, By.cssSelector("a.grv-nav-director"));
    }

    private static String shipped(String file) throws IOException {
        try (InputStream in = DirectorDashboardBrowserTests.class.getResourceAsStream("/processes/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
