package org.opengrievance.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opengrievance.support.BrowserSession.text;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.opengrievance.casesearch.ReadModelRows;
import org.opengrievance.support.BrowserSession;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.StaffSteps;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Cockpit plugin in headless Chromium: the auditor signs in to Cockpit, opens the Grievances view from the
 * navigation, finds a closed case, opens its history, sees the grievance's diagram with the activities that ran
 * marked and counted, and the regulatory timeline tab, with no error in the browser console; intake staff get
 * no Cockpit, and their Tasklist session gets 403 from the auditors' API. Above the search's count cap the view
 * says "more than" the cap instead of a number, and still pages.
 */
@Tag("browser")
@GrievanceAppTest
class CockpitGrievancesBrowserTests {

    static final String AUDITOR_USER = "audreyauditor";
    static final String INTAKE_USER = "ingridintake";
    static final String PASSWORD = "browser-cockpit-4";

    @Autowired IdentityService identity;
    @Autowired TestUsers users;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired RuntimeService runtime;
    @Autowired JdbcTemplate jdbc;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();
    private TasklistDriver browser;

    @BeforeEach
    void setUp() {
        BrowserUsers.ensureAdmin(identity);
        BrowserUsers.ensureUser(identity, AUDITOR_USER, "Audrey", "Auditor", PASSWORD, "auditor");
        BrowserUsers.ensureUser(identity, INTAKE_USER, "Ingrid", "Intake", PASSWORD, "intake");
        browser = session.driver();
    }

    @Test
    void theAuditorFindsAClosedCaseAndReadsItsPathAndTimelineInCockpit() {
        String caseNumber = closedCase("Pat Cockpitbrowser");
        WebDriver d = browser.webDriver();
        logInToCockpit(AUDITOR_USER);

        // the navigation's Grievances entry, the search form, a closed case by its patient's name
        browser.explaining(() -> "Cockpit's navigation to offer Grievances" + browser.visibleAlerts())
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.grv-nav-link"))).click();
        WebElement name = browser.explaining(() -> "the Grievances search form")
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("grv-patientName")));
        name.sendKeys("cockpitbrowser");
        new Select(d.findElement(By.id("grv-status"))).selectByValue("CLOSED");
        d.findElement(By.cssSelector("button.grv-search")).click();
        By caseLink = By.xpath("//a[contains(@class,'grv-case-link')][normalize-space()='" + caseNumber + "']");
        browser.explaining(() -> "the search to list " + caseNumber + "; the page shows: " + text(d, ".grv-status"))
                .until(ExpectedConditions.elementToBeClickable(caseLink)).click();

        // the history: the grievance's diagram with the path taken
        browser.explaining(() -> "the case view of " + caseNumber + ": " + text(d, ".grv-case-body"))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".grv-diagram[data-marked]")));
        assertThat(d.findElement(By.cssSelector(".grv-case-number")).getText()).isEqualTo(caseNumber);
        // the viewer hides its overlays while it zooms the diagram to fit, and shows them once it has settled
        browser.explaining(() -> "the counts on the diagram").until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".grv-count-badge[data-activity-id='closeGrievance']")));
        assertThat(d.findElements(By.cssSelector(".djs-element.grv-taken"))).hasSizeGreaterThan(5);
        for (String ran : List.of("registerCase", "confirmClassification", "investigate", "approveResponse",
                "closeGrievance")) {
            assertThat(d.findElements(By.cssSelector(".djs-element.grv-taken[data-element-id='" + ran + "']")))
                    .as(ran + " is marked").hasSize(1);
            assertThat(d.findElement(By.cssSelector(".grv-count-badge[data-activity-id='" + ran + "']")).getText())
                    .as("how often " + ran + " ran").isEqualTo("1");
        }
        assertThat(d.findElements(By.cssSelector(".djs-element[data-element-id='closeComplaint']")))
                .as("the complaint path is drawn").hasSize(1);
        assertThat(d.findElements(By.cssSelector(".djs-element.grv-taken[data-element-id='closeComplaint']")))
                .as("but was not taken").isEmpty();

        // the investigation it called, chosen in the diagram's process list
        new Select(d.findElement(By.id("grv-definition"))).selectByVisibleText(
                d.findElements(By.cssSelector("#grv-definition option")).stream().map(WebElement::getText)
                        .filter(t -> t.startsWith("Investigation")).findFirst().orElseThrow());
        browser.explaining(() -> "the investigation's diagram with its path")
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".djs-element.grv-taken[data-element-id='gatherFindings']")));

        // who did what: the user tasks
        d.findElement(By.cssSelector("a.grv-tab-tasks")).click();
        WebElement taskTable = browser.explaining(() -> "the user tasks")
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grv-tasks")));
        assertThat(taskTable.getText()).contains(Role.PATIENT_RELATIONS.userId(), Role.DIRECTOR.userId(),
                Role.NURSING_INVESTIGATOR.userId());

        // the regulatory timeline tab
        d.findElement(By.cssSelector("a.grv-tab-timeline")).click();
        WebElement timeline = browser.explaining(() -> "the regulatory timeline: " + text(d, "[data-pane='timeline']"))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.grv-timeline")));
        // every event of the case's timeline, in its order, each with its instant in UTC too (the reads aside: this
        // test's own read of the timeline below is one more)
        List<String> kinds = users.as(Role.AUDITOR).get().uri("/api/grievances/" + caseNumber + "/timeline")
                .retrieve().body(JsonNode.class).get("events").findValuesAsText("kind").stream()
                .filter(k -> !k.equals("READ")).toList();
        assertThat(kinds).contains("CLOSED");
        List<WebElement> rows = timeline.findElements(By.cssSelector("tbody tr"));
        // (the cells' text, also of the rows scrolled out of the pane's view)
        assertThat(rows.stream().map(r -> cell(r, 2)).filter(k -> !k.equals("READ")).toList())
                .containsExactlyElementsOf(kinds);
        assertThat(rows).allSatisfy(r -> assertThat(cell(r, 1)).endsWith("UTC"));

        assertThat(browser.consoleErrors()).as("the browser console").isEmpty();
    }

    @Test
    void aRunningGrievancesPageInCockpitLeadsToItsHistory() {
        String caseNumber = users.as(Role.INTAKE).post().uri("/api/grievances").contentType(MediaType.APPLICATION_JSON)
                .body(intake("Pat Runningcockpit")).retrieve().body(JsonNode.class).get("caseNumber").asText();
        String instance = engineInstanceOf(caseNumber);
        WebDriver d = browser.webDriver();
        logInToCockpit(AUDITOR_USER);
        d.get(session.url("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime"));
        browser.explaining(() -> "the instance page's Grievance case tab" + browser.visibleAlerts())
                .until(ExpectedConditions.elementToBeClickable(By.xpath(
                        "//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Grievance case']"))).click();
        browser.explaining(() -> "the link to the case's history")
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.grv-open-case"))).click();
        browser.explaining(() -> "the case view of " + caseNumber + ": " + text(d, ".grv-case-body"))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".grv-diagram[data-marked]")));
        assertThat(d.findElement(By.cssSelector(".grv-case-number")).getText()).isEqualTo(caseNumber);
        assertThat(d.findElements(By.cssSelector(".djs-element.grv-taken[data-element-id='confirmClassification']")))
                .as("the task it waits at has begun").hasSize(1);
        assertThat(browser.consoleErrors()).as("the browser console").isEmpty();
    }

    @Test
    void aboveTheCountCapTheViewSaysMoreThanTheCapAndPagesOn() {
        // one case more than the search counts (grievance.search.count-cap, 10,000 here): read-model rows only
        ReadModelRows many = new ReadModelRows(jdbc, "GRV-1994-");
        many.deleteAll();
        try {
            many.insertClosed(10_001, OffsetDateTime.parse("2026-11-30T12:00:00-06:00"));
            WebDriver d = browser.webDriver();
            logInToCockpit(AUDITOR_USER);
            d.get(session.url("/camunda/app/cockpit/default/#/grievances?caseNumber=GRV-1994-"));
            // (the pager lies below the 25 rows, scrolled out of the view's pane: its text, not what is visible)
            WebElement capped = browser.explaining(() -> "the capped count; the page shows: " + text(d, ".grv-status"))
                    .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".grv-page-info.grv-total-capped")));
            assertThat(textOf(capped)).isEqualTo("Page 1 · more than 10,000 cases — narrow the filters");
            assertThat(d.findElements(By.cssSelector("table.grv-results tbody tr"))).hasSize(25);
            WebElement older = d.findElement(By.xpath("//div[contains(@class,'grv-pager')]/button[contains(.,'Older')]"));
            assertThat(older.isEnabled()).as("Older ›").isTrue();
            ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", older);
            older.click();
            browser.explaining(() -> "the second page; the page shows: " + text(d, ".grv-status"))
                    .until(x -> pageInfo(x).startsWith("Page 2 · more than 10,000 cases"));

            // narrowed below the cap: the exact number again (000010 to 000019)
            d.get(session.url("/camunda/app/cockpit/default/#/grievances?caseNumber=GRV-1994-00001"));
            browser.explaining(() -> "the exact count; the page shows: " + text(d, ".grv-status"))
                    .until(x -> pageInfo(x).equals("Page 1 of 1 · 10 cases"));
            assertThat(d.findElements(By.cssSelector(".grv-total-capped"))).isEmpty();
            assertThat(browser.consoleErrors()).as("the browser console").isEmpty();
        } finally {
            many.deleteAll();
        }
    }

    @Test
    void intakeStaffAreRefusedTheView() {
        // signed in to Tasklist, the browser's session asks the auditors' API: refused
        browser.logIn(INTAKE_USER, PASSWORD);
        Object status = ((JavascriptExecutor) browser.webDriver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/audit/cases', {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
                  .then(r => done(r.status), () => done(-1));""");
        assertThat(status).isEqualTo(403L);
        browser.logOut();

        // and Cockpit, where the view lives, does not let intake staff in
        logInToCockpitExpectingRefusal(INTAKE_USER);
        assertThat(browser.webDriver().findElements(By.cssSelector("a.grv-nav-link"))).isEmpty();
        browser.webDriver().get(session.url("/camunda/app/cockpit/default/#/grievances"));
        browser.explaining(() -> "Cockpit's login form instead of the Grievances view")
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
        assertThat(browser.webDriver().findElements(By.cssSelector(".grv-search-view"))).isEmpty();
    }

    // --- steps ---

    private static String intake(String patientName) {
        return """
                {"channel":"LETTER","receivedAt":"2026-12-04T16:30:00-06:00","patientName":"%s",
                 "complaintText":"The meals arrived cold three days running.","serviceArea":"NURSING",
                 "responseRequested":false,"preferredLanguage":"en"}""".formatted(patientName);
    }

    private String engineInstanceOf(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("grievance").singleResult().getId();
    }

    private String closedCase(String patientName) {
        String caseNumber = users.as(Role.INTAKE).post().uri("/api/grievances").contentType(MediaType.APPLICATION_JSON)
                .body(intake(patientName)).retrieve().body(JsonNode.class).get("caseNumber").asText();
        new StaffSteps(tasks, forms, identity).closeNursingGrievance(caseNumber);
        return caseNumber;
    }

    private void logInToCockpit(String user) {
        session.logInToCockpit(user, PASSWORD, By.cssSelector("a.grv-nav-link"));
    }

    private void logInToCockpitExpectingRefusal(String user) {
        String refusal = session.cockpitRefusal(user, PASSWORD);
        // the login's refusal for an application the person may not use (the engine API gate's 403 sentence); the
        // same person signed in to Tasklist with this password above
        assertThat(refusal).contains("Login Failed").contains("You may not do this.");
        assertThat(browser.webDriver().findElements(By.cssSelector("input[ng-model='username']")))
                .as("still the login form").isNotEmpty();
    }

    private static String cell(WebElement row, int column) {
        return row.findElements(By.tagName("td")).get(column).getDomProperty("textContent").strip();
    }

    private static String textOf(WebElement e) {
        return e.getDomProperty("textContent").strip();
    }

    private static String pageInfo(WebDriver d) {
        return d.findElements(By.cssSelector(".grv-page-info")).stream().map(CockpitGrievancesBrowserTests::textOf)
                .findFirst().orElse("");
    }
}
