package org.opengrievance.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.opengrievance.grievance.GrievanceCase;
import org.opengrievance.intake.Channel;
import org.opengrievance.intake.IntakeService;
import org.opengrievance.intake.ServiceArea;
import org.opengrievance.letter.LetterKind;
import org.opengrievance.letter.LetterService;
import org.opengrievance.letter.LetterSummary;
import org.opengrievance.notice.NoticeContents;
import org.opengrievance.support.GrievanceAppTest;
import org.opengrievance.support.Intakes;
import org.opengrievance.support.TestUsers;
import org.opengrievance.support.TestUsers.Role;
import org.opengrievance.support.TestUsers.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * HIPAA audit controls (45 CFR 164.312(b)): every read of a case through the project's API (the case, its
 * letters, a letter's PDF, a letter preview, its notifications) writes a row of the PHI access log with the
 * person, the surface (API for HTTP Basic, TASKLIST or COCKPIT for the webapp session), the action and the case,
 * before the answer leaves. A refused or failed read records nothing.
 */
@GrievanceAppTest
class ApiReadsAreLoggedTests {

    @Autowired TestUsers users;
    @Autowired IntakeService intake;
    @Autowired LetterService letters;
    @Autowired NoticeContents contents;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    record Row(String actor, String surface, String action, String caseNumber, String parameters) {
    }

    List<Row> rows(String caseNumber) {
        return jdbc.sql("SELECT actor, surface, action, case_number, parameters FROM phi_access_log "
                        + "WHERE case_number = ? ORDER BY id")
                .param(caseNumber)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    int status(Role role, String path) {
        Integer status = users.as(role).get().uri(path).exchange((req, res) -> res.getStatusCode().value());
        return status;
    }

    /** A case with one stored (approved) letter; registered directly, so nothing was read yet. */
    record CaseWithLetter(String caseNumber, long letterId) {
    }

    CaseWithLetter caseWithLetter() {
        GrievanceCase c = intake.register(Intakes.written(Channel.LETTER, ServiceArea.DIETARY));
        LetterSummary letter = letters.approve(c.caseNumber(), LetterKind.ACKNOWLEDGEMENT,
                contents.build(c.caseNumber(), LetterKind.ACKNOWLEDGEMENT, runtime.getVariables(c.processInstanceId())),
                "logtest.director");
        return new CaseWithLetter(c.caseNumber(), letter.id());
    }

    static List<String> reads(CaseWithLetter c) {
        String base = "/api/grievances/" + c.caseNumber();
        return List.of(base, base + "/letters", base + "/letters/" + c.letterId() + "/pdf",
                base + "/letters/preview/ACKNOWLEDGEMENT", base + "/notifications");
    }

    static List<Row> expected(CaseWithLetter c, Role role, String surface) {
        String who = role.userId();
        return List.of(new Row(who, surface, "case", c.caseNumber(), null),
                new Row(who, surface, "letters", c.caseNumber(), null),
                new Row(who, surface, "letter", c.caseNumber(), "letter=" + c.letterId()),
                new Row(who, surface, "letter-preview", c.caseNumber(), "kind=ACKNOWLEDGEMENT"),
                new Row(who, surface, "notifications", c.caseNumber(), null));
    }

    @Test
    void everyReadWithBasicIsLoggedWithTheReaderSurfaceApiActionAndCase() {
        CaseWithLetter c = caseWithLetter();
        assertThat(rows(c.caseNumber())).isEmpty();

        for (String path : reads(c)) {
            assertThat(status(Role.DIRECTOR, path)).as(path).isEqualTo(200);
        }

        assertThat(rows(c.caseNumber())).containsExactlyElementsOf(expected(c, Role.DIRECTOR, "API"));
    }

    @Test
    void everyReadWithTheTasklistSessionIsLoggedAsTasklist() {
        CaseWithLetter c = caseWithLetter();
        WebappSession tasklist = users.webapp();
        assertThat(tasklist.logIn(Role.PATIENT_RELATIONS, "tasklist")).isEqualTo(200);

        for (String path : reads(c)) {
            assertThat(tasklist.send("GET", path, null).statusCode()).as(path).isEqualTo(200);
        }

        assertThat(rows(c.caseNumber())).containsExactlyElementsOf(expected(c, Role.PATIENT_RELATIONS, "TASKLIST"));
    }

    @Test
    void aReadFromTheCockpitPluginIsLoggedAsCockpitOnlyForSomeoneWhoMayOpenCockpit() {
        CaseWithLetter c = caseWithLetter();
        String path = "/api/grievances/" + c.caseNumber();
        WebappSession cockpit = users.webapp();
        assertThat(cockpit.logIn(Role.AUDITOR, "cockpit")).isEqualTo(200);
        WebappSession tasklist = users.webapp();
        assertThat(tasklist.logIn(Role.INTAKE, "tasklist")).isEqualTo(200);

        assertThat(cockpit.send("GET", path, null, AccessSurface.HEADER, "cockpit").statusCode()).isEqualTo(200);
        // intake staff cannot open Cockpit: the header does not make their read a Cockpit one
        assertThat(tasklist.send("GET", path, null, AccessSurface.HEADER, "cockpit").statusCode()).isEqualTo(200);

        assertThat(rows(c.caseNumber())).containsExactly(
                new Row(Role.AUDITOR.userId(), "COCKPIT", "case", c.caseNumber(), null),
                new Row(Role.INTAKE.userId(), "TASKLIST", "case", c.caseNumber(), null));
    }

    @Test
    void aRefusedOrFailedReadRecordsNothing() {
        CaseWithLetter c = caseWithLetter();
        String base = "/api/grievances/" + c.caseNumber();
        // investigators do not use the API; an unknown letter; a letter asked for under another case
        assertThat(status(Role.NURSING_INVESTIGATOR, base)).isEqualTo(403);
        assertThat(status(Role.DIRECTOR, base + "/letters/999999999/pdf")).isEqualTo(404);
        CaseWithLetter other = caseWithLetter();
        HttpResponse<String> elsewhere = users.webapp().send("GET", "/api/grievances/" + other.caseNumber()
                + "/letters/" + c.letterId() + "/pdf", null);
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(status(Role.DIRECTOR, "/api/grievances/" + other.caseNumber() + "/letters/" + c.letterId() + "/pdf"))
                .isEqualTo(404);

        assertThat(rows(c.caseNumber())).isEmpty();
        assertThat(rows(other.caseNumber())).isEmpty();
    }
}
