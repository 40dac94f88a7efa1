package org.opengrievance.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.support.BrowserSession;
import org.opengrievance.support.CaseSteps;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One sign-in, in the browser: the letter link of the director's approval form opens the letter from the
 * project's API with the Tasklist sign-in (no second password, no browser password dialog), the read lands in the
 * PHI access log as a Tasklist read, and after logout the same link is refused without a dialog.
 */
@Tag("browser")
@GrievanceAppTest
class LetterLinkBrowserTests {

    static final String DIRECTOR_USER = "doralinks";
    static final String PASSWORD = "browser-letter-links-4";
    /** fetch() from the page, as the link would load it; answers status, content type and challenge. */
    static final String FETCH = "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'})"
            + ".then(r => done([String(r.status), String(r.headers.get('content-type')), String(r.headers.get('www-authenticate'))]))"
            + ".catch(e => done(['error', String(e), '']));";

    @Autowired IdentityService identity;
    @Autowired IntakeService intake;
    @Autowired TaskService tasks;
    @Autowired ProcessEngine engine;
    @Autowired JdbcClient jdbc;

    @RegisterExtension
    final BrowserSession session = new BrowserSession();
    private TasklistDriver browser;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        BrowserUsers.ensureAdmin(identity);
        BrowserUsers.ensureUser(identity, DIRECTOR_USER, "Dora", "Links", PASSWORD, "pr-director");
        browser = session.driver();
    }

    @SuppressWarnings("unchecked")
    List<String> fetch(String href) {
        return (List<String>) ((JavascriptExecutor) browser.webDriver()).executeAsyncScript(FETCH, href);
    }

    @Test
    void theApprovalFormsLetterLinkOpensThePdfWithTheTasklistSignIn() {
        GrievanceCase c = intake.register(Intakes.written(Channel.LETTER, ServiceArea.NURSING));
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("confirmClassification")
                .singleResult().getId(), Map.of("classification", "GRIEVANCE"));
        CaseSteps.acknowledgeOrally(pi);
        CaseSteps.investigate(pi, "investigators-nursing");
        CaseSteps.draft(pi, "MAIL");
        String approval = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("approveResponse")
                .singleResult().getName();

        browser.logIn(DIRECTOR_USER, PASSWORD);
        browser.openTask("Approvals", approval);
        String href = new WebDriverWait(browser.webDriver(), TasklistDriver.TIMEOUT)
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("a[href*='/letters/preview/RESOLUTION']")))
                .getDomAttribute("href");
        assertThat(href).isEqualTo("/api/grievances/" + c.caseNumber() + "/letters/preview/RESOLUTION");

        List<String> opened = fetch(href);
        assertThat(opened.get(0)).as("the letter with the Tasklist sign-in " + opened).isEqualTo("200");
        assertThat(opened.get(1)).startsWith("application/pdf");
        assertThat(jdbc.sql("SELECT surface FROM phi_access_log WHERE case_number = ? AND actor = ? AND action = ?")
                .params(c.caseNumber(), DIRECTOR_USER, "letter-preview").query(String.class).list())
                .containsExactly("TASKLIST");

        browser.logOut();
        List<String> afterLogout = fetch(href);
        assertThat(afterLogout.get(0)).isEqualTo("401");
        assertThat(afterLogout.get(2)).as("no Basic challenge, so no password dialog").startsWith("Session");
        // the login form still takes keys: no browser password dialog has the focus
        browser.logIn(DIRECTOR_USER, PASSWORD);
    }
}
